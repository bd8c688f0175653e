# news-widget: 한국어(대한민국). 위젯이 보여 주거나 읽어 주는 모든 문구.
# 버튼의 "A+", "A", "A-"는 관공서 누리집의 관례대로 번역하지 않는다.

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
fonts-label = 글자 크기:
font-larger = 글자 크게
font-reset = 기본 글자 크기
font-smaller = 글자 작게
font-size-changed = 글자 크기 { $percent }%
language-label = 언어
language-changed = 언어: { $language }
print = 인쇄
print-preview = 인쇄 미리보기
print-preview-on = 인쇄 미리보기를 켰습니다.
print-preview-off = 인쇄 미리보기를 껐습니다.
preview-banner = 인쇄될 모습을 미리 보여 드립니다.
print-source-label = 원문 주소:
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
# 기존 기사 페이지의 읽기 도구 모음(<news-widget-toolbar>).
toolbar-label = 읽기 도구
print-date-label = 날짜:
preview-close = 미리보기 닫기
# 읽기 도움 기능(기사 화면과 읽기 도구 모음): 음성으로 듣기, 줄 간격, 고대비.
# 안내는 음성이 멈춘 뒤에만 읽어 준다. 줄 간격·고대비 버튼은 눌림 상태를 스스로 알리므로 따로 안내하지 않는다.
listen-label = 음성으로 듣기:
listen = 본문 듣기
listen-pause = 일시 정지
listen-resume = 이어 듣기
listen-stop = 정지
# 속도 조절의 이름과 각 속도 표시($rate는 숫자: 0.75, 1, 1.25, 1.5).
listen-rate = 읽기 속도
listen-rate-value = { $rate }배속
# 사용할 수 없는 '본문 듣기' 버튼에 표시하고, 음성이 없을 때 안내한다($language는 기사 언어 이름).
listen-no-voice = 이 기기에는 { $language } 음성이 없습니다
listen-paused = 듣기를 일시 정지했습니다.
listen-stopped = 듣기를 멈췄습니다.
listen-finished = 본문을 끝까지 읽었습니다.
listen-failed = 이 기기의 음성 기능이 작동하지 않아 듣기를 멈췄습니다.
line-spacing-label = 줄 간격:
line-spacing-normal = 기본
line-spacing-one-and-half = 1.5배
line-spacing-double = 2배
contrast-label = 고대비:
contrast-site = 기본 색상
contrast-dark-on-light = 흰 바탕 검은 글자
contrast-light-on-dark = 검은 바탕 흰 글자
