# news-widget: English (United States). The strings only the news widget shows or announces:
# its list of cards, the article view, loading and errors (common.ftl has the shared ones).

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
language-changed = Language: { $language }
print-preview-on = Print preview is on.
print-preview-off = Print preview is off.
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
