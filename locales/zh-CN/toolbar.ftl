# news-widget：简体中文（中国大陆）。只在已有文章页的阅读工具栏（<news-widget-toolbar>）中显示的文字（共用文字见 common.ftl）。

toolbar-label = 阅读工具
print-date-label = 日期：
preview-close = 关闭预览
print-not-loaded = 打印未能开始：打印功能没有加载成功，请再试一次。
