# news-widget: 한국어(대한민국). 기존 기사 페이지의 읽기 도구 모음(<news-widget-toolbar>)에서만 보여 주는 문구(공통 문구는 common.ftl).

toolbar-label = 읽기 도구
print-date-label = 날짜:
preview-close = 미리보기 닫기
print-not-loaded = 인쇄 기능을 불러오지 못해 시작하지 못했습니다. 다시 시도해 주세요.
