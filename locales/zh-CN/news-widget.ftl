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
# 阅读辅助（文章页与阅读工具栏）：语音朗读、行距、高对比度。
# 提示语只在朗读停下后播报；行距、配色按钮自带“已按下”状态，不另行播报。
listen-label = 语音朗读：
listen = 听全文
listen-pause = 暂停
listen-resume = 继续
listen-stop = 停止
# 语速控件的名称及各档语速（$rate 为数字：0.75、1、1.25、1.5）。
listen-rate = 语速
listen-rate-value = { $rate }倍
# 显示在不可用的“听全文”按钮上，或在找不到语音时播报（$language 为文章语言名称）。
listen-no-voice = 本设备没有可用的{ $language }语音
listen-paused = 朗读已暂停。
listen-stopped = 朗读已停止。
listen-finished = 全文朗读完毕。
listen-failed = 朗读已中断：本设备的语音功能无法使用。
line-spacing-label = 行距：
line-spacing-normal = 标准
line-spacing-one-and-half = 1.5倍
line-spacing-double = 2倍
contrast-label = 高对比度：
contrast-site = 原网页配色
contrast-dark-on-light = 白底黑字
contrast-light-on-dark = 黑底白字
