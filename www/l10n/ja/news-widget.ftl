# news-widget: 日本語。ウィジェットが表示・読み上げるすべての文言（実行時に読み込むリソース）。
# ボタンの「A+」「A」「A-」は各サイトの慣例どおり翻訳しない。

widget-label = ニュース
cards-heading = 最新ニュース
loading = ニュースを読み込んでいます…
cards-shown = { $total ->
   *[other] 全{ $total }件中 { $shown }件を表示
}
more = もっと見る
more-announce = { $count ->
   *[other] 記事を{ $count }件追加で表示しました。
}
back = ニュース一覧に戻る
meta-updated-label = 更新日：
meta-source-label = 出典：
fonts-label = 文字サイズ：
font-larger = 文字を大きくする
font-reset = 標準の文字サイズ
font-smaller = 文字を小さくする
font-size-changed = 文字サイズ { $percent }%
language-label = 言語
language-changed = 表示言語：{ $language }
print = 印刷
print-preview = 印刷プレビュー
print-preview-on = 印刷プレビューをオンにしました。
print-preview-off = 印刷プレビューをオフにしました。
preview-banner = 印刷したときの見え方を表示しています。
print-source-label = 元の記事：
notice-untranslated = この記事には日本語版がないため、原文のまま表示しています。
error-network = ニュースを読み込めませんでした。インターネット接続を確認して、もう一度お試しください。
error-http = ニュースサーバーでエラーが発生しました（{ $status }）。しばらくしてから、もう一度お試しください。
error-timeout = ニュースサーバーが時間内に応答しませんでした。しばらくしてから、もう一度お試しください。
error-feed = ニュースのデータを読み取れませんでした。
error-feed-items = ニュースフィードの記事 { $count } 件をどれも読み取れませんでした。
error-empty = まだニュースはありません。
article-not-found = お探しの記事が見つかりませんでした。
retry = 再試行
kept-notice = 最終更新：{ $when }。ニュースを更新できませんでした。
news-updated = { $count ->
   *[other] 新しい記事が { $count } 件あります。
}
# 既存の記事ページの閲覧ツールバー（<news-widget-toolbar>）。
toolbar-label = 閲覧ツール
toolbar-more = その他のツール
print-date-label = 日付：
print-not-loaded = 印刷機能を読み込めなかったため、開始できませんでした。もう一度お試しください。
preview-close = プレビューを閉じる
# 閲覧支援（記事画面とツールバー）：読み上げ、行間、配色。
listen-label = 音声読み上げ：
listen = 読み上げる
listen-pause = 一時停止
listen-resume = 再開
listen-stop = 停止
listen-rate = 読み上げ速度
listen-rate-value = { $rate }倍速
listen-no-voice = この端末には{ $language }の音声がありません
listen-paused = 読み上げを一時停止しました。
listen-stopped = 読み上げを停止しました。
listen-finished = 記事を最後まで読み上げました。
listen-failed = この端末の音声機能が使えないため、読み上げを停止しました。
listen-not-loaded = 読み上げ機能を読み込めなかったため、開始できませんでした。もう一度お試しください。
line-spacing-label = 行間：
line-spacing-normal = 標準
line-spacing-one-and-half = 1.5倍
line-spacing-double = 2倍
contrast-label = 配色：
contrast-site = サイトの配色
contrast-dark-on-light = 白地に黒文字
contrast-light-on-dark = 黒地に白文字
