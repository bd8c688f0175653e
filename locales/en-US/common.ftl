# news-widget: English (United States). The strings both the news widget and the reader
# toolbar show or announce: the font buttons, print, the language control, the reading aids.
# A message the widget alone shows goes in widget.ftl, one the toolbar alone shows in
# toolbar.ftl: each role's module carries only common.ftl and its own file.
# Visible button texts "A+", "A", "A-" are not translated: they are the sites' convention.

fonts-label = Fonts:
font-larger = Larger text
font-reset = Default text size
font-smaller = Smaller text
font-size-changed = Text size { $percent } %
language-label = Language
print = Print
print-preview = Print preview
preview-banner = This is how the article will look on paper.
print-source-label = Original article:
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
listen-not-loaded = Reading aloud could not start: it did not load. Please try again.
line-spacing-label = Line spacing:
line-spacing-normal = Normal
line-spacing-one-and-half = 1.5 lines
line-spacing-double = Double
contrast-label = Contrast:
contrast-site = Site colors
contrast-dark-on-light = Dark on light
contrast-light-on-dark = Light on dark
# On a narrow widget or bar, the button that shows the rest of its controls after "Fonts: A+ A A-".
toolbar-more = More tools
