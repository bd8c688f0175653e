# news-widget: English (United States). The strings only the reader toolbar on an existing
# article page (<news-widget-toolbar>) shows (common.ftl has the shared ones).

toolbar-label = Reading tools
print-date-label = Date:
preview-close = Close preview
# Said when Print or Print preview could not get what it needs from the network.
print-not-loaded = Printing could not start: it did not load. Please try again.
