# news-widget: English (United States). The strings only the reader toolbar on an existing
# article page (<news-widget-toolbar>) shows (common.ftl has the shared ones).

toolbar-label = Reading tools
print-date-label = Date:
preview-close = Close preview
