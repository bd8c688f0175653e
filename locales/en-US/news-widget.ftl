# news-widget: English (United States). Every string the widget shows or announces.
# Visible button texts "A+", "A", "A-" are not translated: they are the sites' convention.

widget-label = News
cards-heading = Latest news
loading = Loading news…
cards-shown = { $total ->
    [one] Showing { $shown } of 1 article
   *[other] Showing { $shown } of { $total } articles
}
more = More news
more-announce = { $count ->
    [one] One more article shown.
   *[other] { $count } more articles shown.
}
back = Back to the news list
meta-updated-label = Updated:
meta-source-label = Source:
fonts-label = Fonts:
font-larger = Larger text
font-reset = Default text size
font-smaller = Smaller text
font-size-changed = Text size { $percent } %
language-label = Language
language-changed = Language: { $language }
print = Print
print-preview = Print preview
print-preview-on = Print preview is on.
print-preview-off = Print preview is off.
preview-banner = This is how the article will look on paper.
print-source-label = Original article:
notice-untranslated = This article is not available in English. It is shown in its original language.
error-network = The news could not be loaded. Check your connection and try again.
error-http = The news server answered with an error ({ $status }). Please try again later.
error-timeout = The news server did not answer in time. Please try again later.
error-feed = The news feed could not be read.
error-feed-items = { $count ->
    [one] The one article in the news feed could not be read.
   *[other] None of the { $count } articles in the news feed could be read.
}
error-empty = There is no news yet.
article-not-found = The requested article was not found.
retry = Try again
kept-notice = Last updated { $when }. The news could not be refreshed.
news-updated = { $count ->
    [one] One new article.
   *[other] { $count } new articles.
}
# The reader toolbar on an existing article page (<news-widget-toolbar>).
toolbar-label = Reading tools
print-date-label = Date:
preview-close = Close preview
# Reading aids, in the article view and the toolbar: reading aloud, line spacing, contrast.
# Announcements are made only once the voice is silent; a pressed spacing or contrast button
# says its own state, so those have no announcement.
listen-label = Read aloud:
listen = Listen
listen-pause = Pause
listen-resume = Resume
listen-stop = Stop
# The speed control's name, and each speed as shown ($rate is the number: 0.75, 1, 1.25, 1.5).
listen-rate = Reading speed
listen-rate-value = { $rate }×
# On the disabled Listen control, and announced when Listen finds no voice
# ($language is the article's language, named in the reader's language).
listen-no-voice = No voice for { $language } on this device
listen-paused = Reading paused.
listen-stopped = Reading stopped.
listen-finished = Finished reading the article.
listen-failed = Reading aloud stopped: speech is not working on this device.
line-spacing-label = Line spacing:
line-spacing-normal = Normal
line-spacing-one-and-half = 1.5 lines
line-spacing-double = Double
contrast-label = Contrast:
contrast-site = Site colors
contrast-dark-on-light = Dark on light
contrast-light-on-dark = Light on dark
