# news-widget: 한국어(대한민국). 소식 위젯에서만 보여 주거나 읽어 주는 문구: 소식 목록, 기사 화면, 불러오기와 오류 안내(공통 문구는 common.ftl).

widget-label = 소식
cards-heading = 최신 소식
loading = 소식을 불러오는 중입니다…
cards-shown = { $total ->
   *[other] 전체 { $total }건 중 { $shown }건 표시
}
more = 더 보기
more-announce = { $count ->
   *[other] 기사 { $count }건을 더 표시했습니다.
}
back = 소식 목록으로 돌아가기
meta-updated-label = 수정일:
meta-source-label = 출처:
language-changed = 언어: { $language }
print-preview-on = 인쇄 미리보기를 켰습니다.
print-preview-off = 인쇄 미리보기를 껐습니다.
notice-untranslated = 이 기사는 한국어로 제공되지 않아 원문으로 표시합니다.
error-network = 소식을 불러오지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.
error-http = 소식 서버에서 오류가 발생했습니다({ $status }). 잠시 후 다시 시도해 주세요.
error-timeout = 소식 서버가 제시간에 응답하지 않았습니다. 잠시 후 다시 시도해 주세요.
error-feed = 소식 데이터를 읽을 수 없습니다.
error-feed-items = 소식 데이터의 기사 { $count }건을 모두 읽을 수 없습니다.
error-empty = 아직 등록된 소식이 없습니다.
article-not-found = 요청한 기사를 찾을 수 없습니다.
retry = 다시 시도
kept-notice = 마지막 업데이트: { $when }. 소식을 새로 고치지 못했습니다.
news-updated = { $count ->
   *[other] 새 기사 { $count }건이 있습니다.
}
