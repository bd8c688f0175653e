# news-widget: a site's run-time rewording of one built-in English message (locales demo).
# Every other message keeps its built-in wording.

more = Show more stories
