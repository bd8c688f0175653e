# news-widget：简体中文（中国大陆）。只在新闻组件中显示或朗读的文字：新闻列表、文章页、加载与错误提示（共用文字见 common.ftl）。

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
language-changed = 界面语言：{ $language }
print-preview-on = 已进入打印预览。
print-preview-off = 已退出打印预览。
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
