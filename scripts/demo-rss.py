#!/usr/bin/env python3
"""Writes the RSS demo feeds (www/feeds/rss/{zh,ko,en}.xml) from www/feeds/changchun.json, as
three language sub-sites would publish them: zh declared GB2312 with CST times, ko in EUC-KR
with zone-less local times (as Korean e-government boards do), en in UTF-8. The same guid in
all three pairs the articles. Run it again after editing the JSON feed."""
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

root = Path(__file__).resolve().parent.parent
feed = json.loads((root / "www/feeds/changchun.json").read_text(encoding="utf-8"))
out = root / "www/feeds/rss"
out.mkdir(parents=True, exist_ok=True)

SITES = {
    "en": ("utf-8", "en", "Changchun Foreign Affairs Office — News", None),
    "zh": ("gb2312", "zh-cn", "长春市人民政府外事办公室 — 外事动态", "zh-CN"),
    "ko": ("euc-kr", "ko", "창춘시 외사판공실 — 소식", "ko"),
}
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def when(item, lang):
    t = datetime.fromisoformat(item["date_published"])
    if lang == "ko":  # Seoul local time, written without a zone
        return (t.astimezone(timezone(timedelta(hours=9)))).strftime("%Y-%m-%d %H:%M:%S")
    if lang == "zh":  # China Standard Time, as Chinese portals write it
        return f"{DAYS[t.weekday()]}, {t.day:02d} {MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} CST"
    return f"{DAYS[t.weekday()]}, {t.day:02d} {MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} +0800"


for lang, (charset, language, title, key) in SITES.items():
    lines = [
        f'<?xml version="1.0" encoding="{charset}"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        f"<link>https://www.example.gov.cn/{lang}/news/</link>",
        f"<description>{escape(title)}</description>",
        f"<language>{language}</language>",
    ]
    for item in feed["items"]:
        version = item if key is None else item.get("_news_widget", {}).get("translations", {}).get(key)
        if not version:
            continue  # not published on this language's site
        body = version.get("content_html") or item.get("content_html", "")
        lines += [
            "<item>",
            f"<title>{escape(version['title'])}</title>",
            f"<link>https://www.example.gov.cn/{lang}/news/{item['id']}.html</link>",
            f'<guid isPermaLink="false">{item["id"]}</guid>',
            f"<description>{escape(body)}</description>",
            f"<pubDate>{when(item, lang)}</pubDate>",
        ]
        if item.get("image"):
            lines.append(f'<enclosure url="../{escape(item["image"])}" type="image/svg+xml" length="0"/>')
        source = version.get("source") or (item.get("authors") or [{}])[0].get("name")
        if source:
            lines.append(f"<source url=\"https://www.example.gov.cn/\">{escape(source)}</source>")
        lines.append("</item>")
    lines += ["</channel>", "</rss>", ""]
    text = "\n".join(lines)
    # Characters outside the legacy charset become character references, as CMSs write them.
    data = text.encode("gbk" if charset == "gb2312" else charset, errors="xmlcharrefreplace")
    (out / f"{lang}.xml").write_bytes(data)
    print(f"www/feeds/rss/{lang}.xml: {len(data)} bytes, {charset}")
