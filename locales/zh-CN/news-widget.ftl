# news-widget：简体中文（中国大陆）。界面显示或朗读的全部文字。
# 按钮上的“A+”“A”“A-”沿用各地政府网站惯例，不翻译。

widget-label = 新闻
cards-heading = 最新动态
loading = 正在加载新闻……
cards-shown = { $total ->
   *[other] 共 { $total } 篇，已显示 { $shown } 篇
}
more = 加载更多
more-announce = { $count ->
   *[other] 又显示了 { $count } 篇文章。
}
back = 返回新闻列表
meta-updated-label = 更新时间：
meta-source-label = 来源：
fonts-label = 字体：
font-larger = 放大字体
font-reset = 默认字号
font-smaller = 缩小字体
font-size-changed = 字号 { $percent }%
language-label = 语言
language-changed = 界面语言：{ $language }
print = 打印
print-preview = 打印预览
print-preview-on = 已进入打印预览。
print-preview-off = 已退出打印预览。
preview-banner = 以下为打印效果预览。
print-source-label = 原文地址：
notice-untranslated = 本文暂无中文版本，以下显示原文。
error-network = 无法加载新闻，请检查网络连接后重试。
error-http = 新闻服务器返回错误（{ $status }），请稍后再试。
error-timeout = 新闻服务器响应超时，请稍后再试。
error-feed = 新闻数据格式有误，暂时无法显示。
error-feed-items = 新闻数据中的 { $count } 篇文章均无法读取。
error-empty = 暂无新闻。
article-not-found = 未找到所请求的文章。
retry = 重试
kept-notice = 最后更新于 { $when }。新闻暂时无法刷新。
news-updated = { $count ->
   *[other] 有 { $count } 篇新文章。
}
# 已有文章页上的阅读工具栏（<news-widget-toolbar>）。
toolbar-label = 阅读工具
print-date-label = 日期：
preview-close = 关闭预览
