# news-widget：简体中文（中国大陆）。新闻组件与阅读工具栏共用的文字：字号按钮、打印、语言、阅读辅助。
# 只在新闻组件中出现的文字放在 widget.ftl，只在阅读工具栏中出现的放在 toolbar.ftl；与英文版同名文件中的条目一一对应。
# 按钮上的“A+”“A”“A-”沿用各地政府网站惯例，不翻译。

fonts-label = 字体：
font-larger = 放大字体
font-reset = 默认字号
font-smaller = 缩小字体
font-size-changed = 字号 { $percent }%
language-label = 语言
print = 打印
print-preview = 打印预览
preview-banner = 以下为打印效果预览。
print-source-label = 原文地址：
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
listen-not-loaded = 朗读未能开始：朗读功能没有加载成功，请再试一次。
line-spacing-label = 行距：
line-spacing-normal = 标准
line-spacing-one-and-half = 1.5倍
line-spacing-double = 2倍
contrast-label = 高对比度：
contrast-site = 原网页配色
contrast-dark-on-light = 白底黑字
contrast-light-on-dark = 黑底白字
toolbar-more = 更多工具
