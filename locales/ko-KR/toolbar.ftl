# news-widget: 한국어(대한민국). 기존 기사 페이지의 읽기 도구 모음(<news-widget-toolbar>)에서만 보여 주는 문구(공통 문구는 common.ftl).

toolbar-label = 읽기 도구
print-date-label = 날짜:
preview-close = 미리보기 닫기
