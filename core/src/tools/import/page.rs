//! What a saved web page or a text file holds: its text as lines, and the few facts the
//! markup states outside the text (the `<title>`, a date in a meta tag, the canonical URL).
//!
//! Pages are parsed by `scraper` (html5ever, the HTML5 parsing algorithm browsers use), so
//! broken markup reads as a browser would show it. The text is what a reader sees: one line
//! per block element, runs of HTML whitespace collapsed inside a line, and the characters
//! themselves untouched (full-width spaces and non-breaking spaces stay, since the corpus
//! keeps text verbatim and the segmenter folds them). Two marks of structure are written
//! in the corpus's own notation: a heading element's line starts with `#` per level (so it
//! is read as a heading, never joined to the paragraph after it), and a table row is one
//! line with its cells separated by tabs, as a browser copies it.

use super::rules::ImportRules;
use crate::ingest::text::language_of;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements that begin and end a line of text (HTML's block-level and table elements).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// A page read for import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The title the markup gives, and where it was read (`h1`, `title`, …).
    pub title: Option<(String, String)>,
    /// The site's name, as the `<title>` ends with it ("… - 新华网").
    pub site_name: Option<String>,
    /// The text, one line per block, blank lines left out.
    pub lines: Vec<String>,
    /// A publication date from a meta tag: its content and the tag's selector.
    pub meta_date: Option<(String, String)>,
    /// Where the original can be read, if the page names an http(s) address for itself.
    pub url: Option<String>,
    /// How many elements were dropped as site chrome or code.
    pub dropped: usize,
    /// Whether this came from HTML (a text file has no markup facts).
    pub html: bool,
}

/// Reads a plain-text file: its lines as they are, without blank ones.
pub fn from_text(text: &str) -> Page {
    Page {
        lines: text
            .lines()
            .map(|l| l.trim_end_matches('\r').to_string())
            .filter(|l| !l.trim().is_empty())
            .collect(),
        ..Page::default()
    }
}

/// Reads a saved web page.
pub fn from_html(source: &str, rules: &ImportRules) -> Page {
    let html = Html::parse_document(source);
    let mut reader = TextReader {
        drop: &rules.drop,
        lines: Vec::new(),
        line: String::new(),
        heading: None,
        dropped: 0,
    };
    if let Some(body) = html.select(&selector("body")).next() {
        reader.element(body);
    }
    reader.flush();
    let title_tag = html
        .select(&selector("title"))
        .next()
        .map(|t| collapse(&t.text().collect::<String>()).trim().to_string());
    let split = title_tag.as_deref().and_then(|t| {
        let (mut title, site) = split_site_name(t, &rules.site_separators)?;
        // Channel names before the site's: "标题 | 国际 | 中国日报网".
        while let Some((head, _)) = split_site_name(&title, &rules.site_separators)
            .filter(|(_, tail)| tail.chars().count() <= rules.channel_max_chars)
        {
            title = head;
        }
        Some((title, site))
    });
    Page {
        title: first_text(&html, &rules.title_selectors).map(|(text, from)| match &split {
            Some((title, _)) if from == "title" => (title.clone(), from),
            _ => (text, from),
        }),
        site_name: split.map(|(_, site)| site),
        lines: reader.lines,
        meta_date: first_text(&html, &rules.date_meta),
        url: first_text(&html, &rules.url_selectors)
            .map(|(u, _)| u)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        dropped: reader.dropped,
        html: true,
    }
}

/// The text of the first element a selector finds (an attribute's value for `meta` and
/// `link`), trying the selectors in order; with the selector that found it.
fn first_text(html: &Html, selectors: &[(String, Selector)]) -> Option<(String, String)> {
    selectors.iter().find_map(|(name, sel)| {
        html.select(sel).find_map(|el| {
            let value = match el.value().name() {
                "meta" => el.value().attr("content").unwrap_or("").to_string(),
                "link" => el.value().attr("href").unwrap_or("").to_string(),
                _ => collapse(&el.text().collect::<String>()).trim().to_string(),
            };
            let value = value.trim().to_string();
            (!value.is_empty()).then(|| (value, name.clone()))
        })
    })
}

/// A `<title>` split into the title and the site's name after it: "国防部：… - 中华人民共和国
/// 国防部" is cut at the last separator whose tail reads as a name (no digits, at most 20
/// characters, in the script of the title: "Military Diplomacy | 军事外交" is one title in two
/// languages), so the hyphen of "和谐使命-2024" is not taken for one.
fn split_site_name(title: &str, separators: &[String]) -> Option<(String, String)> {
    separators
        .iter()
        .flat_map(|s| {
            title
                .match_indices(s.as_str())
                .map(move |(i, _)| (i, i + s.len()))
        })
        .filter(|&(start, end)| {
            let tail = title[end..].trim();
            !title[..start].trim().is_empty()
                && !tail.is_empty()
                && tail.chars().count() <= 20
                && !tail.chars().any(|c| c.is_ascii_digit())
                && language_of(tail) == language_of(&title[..start])
        })
        .max()
        .map(|(start, end)| {
            (
                title[..start].trim().to_string(),
                title[end..].trim().to_string(),
            )
        })
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a fixed selector parses")
}

/// Collapses runs of HTML whitespace (space, tab, line feed, carriage return, form feed)
/// into one space, as a browser lays out text; other spaces are characters of the text.
/// A run at either end stays one space: it separates this text from its neighbours.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            in_space = true;
        } else {
            if in_space {
                out.push(' ');
            }
            in_space = false;
            out.push(c);
        }
    }
    if in_space {
        out.push(' ');
    }
    out
}

/// Walks the element tree, gathering lines.
struct TextReader<'r> {
    drop: &'r Selector,
    lines: Vec<String>,
    line: String,
    /// The level of the heading element the current line is in.
    heading: Option<usize>,
    dropped: usize,
}

impl TextReader<'_> {
    fn element(&mut self, el: ElementRef) {
        if self.drop.matches(&el) {
            self.dropped += 1;
            return;
        }
        let name = el.value().name();
        if name == "br" {
            self.flush();
            return;
        }
        if name == "pre" {
            self.flush();
            let text: String = el.text().collect();
            self.lines.extend(text.lines().map(str::to_string));
            return;
        }
        let heading = match name.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => Some((d - b'0') as usize),
            _ => None,
        };
        let block = heading.is_some() || BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        if heading.is_some() {
            self.heading = heading;
        }
        if matches!(name, "td" | "th") && !self.line.trim().is_empty() {
            self.line = self.line.trim_end_matches(' ').to_string();
            self.line.push('\t');
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }

    fn text(&mut self, text: &str) {
        let collapsed = collapse(text);
        // A space opening a line, or doubling the one before, is not shown.
        let piece = if self.line.is_empty() || self.line.ends_with([' ', '\t']) {
            collapsed.trim_start_matches(' ')
        } else {
            &collapsed
        };
        self.line.push_str(piece);
    }

    /// Ends the current line; a line of nothing but spaces is no line.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim_matches(|c| c == ' ' || c == '\t');
        let level = self.heading.take();
        if line.trim().is_empty() {
            return;
        }
        match level {
            Some(n) => self.lines.push(format!("{} {line}", "#".repeat(n))),
            None => self.lines.push(line.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Page {
        from_html(html, &ImportRules::builtin())
    }

    #[test]
    fn blocks_make_lines_and_inline_markup_joins() {
        let page = read(
            "<body><div class=\"content\"><p>　　中国<b>海军</b>\n  第45批护航编队</p>\
             <p>二是<a href=x>有力</a>服务。<br>下一行</p></div></body>",
        );
        assert_eq!(
            page.lines,
            ["　　中国海军 第45批护航编队", "二是有力服务。", "下一行"]
        );
    }

    #[test]
    fn site_chrome_and_code_are_dropped() {
        let page = read(
            "<html><head><title>题 - 中国军网</title><script>var a=1</script></head><body>\
             <header>网站首页</header><div class=\"nav\"><a>首页</a><a>要闻</a></div>\
             <div class=\"crumb\">当前位置：首页 &gt; 国际</div><h1>标题</h1><p>正文。</p>\
             <footer>版权所有</footer><style>p{}</style></body></html>",
        );
        assert_eq!(page.lines, ["# 标题", "正文。"]);
        assert_eq!(page.dropped, 5); // header, nav, crumb, footer, style
        assert_eq!(page.title, Some(("标题".into(), "h1".into())));
    }

    #[test]
    fn an_article_header_is_kept_while_the_site_header_goes() {
        let page = read(
            "<body><header>站点</header><article><header><h1>文章标题</h1>\
             <div class=\"info\">来源：国防部网 2024-01-25</div></header><p>正文。</p></article></body>",
        );
        assert_eq!(
            page.lines,
            ["# 文章标题", "来源：国防部网 2024-01-25", "正文。"]
        );
    }

    #[test]
    fn a_table_row_is_a_line_of_tab_separated_cells() {
        let page = read(
            "<body><table><tr><th>任务区</th><th>分队</th><th>人数</th></tr>\
             <tr><td>南苏丹（朱巴）</td><td> 步兵营 </td><td>700</td></tr></table></body>",
        );
        assert_eq!(
            page.lines,
            ["任务区\t分队\t人数", "南苏丹（朱巴）\t步兵营\t700"]
        );
    }

    #[test]
    fn the_title_tag_loses_the_site_name() {
        let page = read("<head><title>国防部：提质增效 - 中华人民共和国国防部</title></head><body><p>x</p></body>");
        assert_eq!(
            page.title,
            Some(("国防部：提质增效".into(), "title".into()))
        );
        assert_eq!(page.site_name.as_deref(), Some("中华人民共和国国防部"));
        let seps: Vec<String> = ImportRules::builtin().site_separators;
        let split = |t: &str| split_site_name(t, &seps);
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            split("“和平方舟”号执行“和谐使命-2024”任务-新华网"),
            pair("“和平方舟”号执行“和谐使命-2024”任务", "新华网")
        );
        assert_eq!(split("“和平-24”多国海上联合演习"), None);
        assert_eq!(
            split("维和官兵完成扫雷任务_解放军报"),
            pair("维和官兵完成扫雷任务", "解放军报")
        );
        assert_eq!(split("- 只有站名"), None);
        assert_eq!(split("Military Diplomacy | 军事外交"), None);
        let page = read(
            "<head><title>医院船抵达吉布提 | 国际 | 中国日报网</title></head><body><p>x</p></body>",
        );
        assert_eq!(
            page.title.unwrap().0,
            "医院船抵达吉布提",
            "channel names go too"
        );
        assert_eq!(page.site_name.as_deref(), Some("中国日报网"));
    }

    #[test]
    fn meta_date_and_canonical_url_are_read() {
        let page = read(
            "<head><meta name=\"PubDate\" content=\"2024-03-18 09:12\">\
             <link rel=\"canonical\" href=\"https://example.org/a.html\"></head><body>x</body>",
        );
        assert_eq!(page.meta_date.unwrap().0, "2024-03-18 09:12");
        assert_eq!(page.url.as_deref(), Some("https://example.org/a.html"));
        let page =
            read("<head><link rel=\"canonical\" href=\"javascript:x\"></head><body>x</body>");
        assert_eq!(page.url, None);
    }
}
