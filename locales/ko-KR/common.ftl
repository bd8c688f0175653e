# news-widget: 한국어(대한민국). 소식 위젯과 읽기 도구 모음이 함께 쓰는 문구: 글자 크기, 인쇄, 언어, 읽기 도움 기능.
# 위젯에만 나오는 문구는 widget.ftl에, 읽기 도구 모음에만 나오는 문구는 toolbar.ftl에 둔다. 영어판의 같은 이름 파일과 항목이 일치해야 한다.
# 버튼의 "A+", "A", "A-"는 관공서 누리집의 관례대로 번역하지 않는다.

fonts-label = 글자 크기:
font-larger = 글자 크게
font-reset = 기본 글자 크기
font-smaller = 글자 작게
font-size-changed = 글자 크기 { $percent }%
language-label = 언어
print = 인쇄
print-preview = 인쇄 미리보기
preview-banner = 인쇄될 모습을 미리 보여 드립니다.
print-source-label = 원문 주소:
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
listen-not-loaded = 듣기 기능을 불러오지 못해 시작하지 못했습니다. 다시 시도해 주세요.
line-spacing-label = 줄 간격:
line-spacing-normal = 기본
line-spacing-one-and-half = 1.5배
line-spacing-double = 2배
contrast-label = 고대비:
contrast-site = 기본 색상
contrast-dark-on-light = 흰 바탕 검은 글자
contrast-light-on-dark = 검은 바탕 흰 글자
toolbar-more = 도구 더 보기
