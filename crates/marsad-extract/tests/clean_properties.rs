//! Property tests of the cleaner on generated scraped pages: lines drawn from the shapes real
//! pages have (prose, headings, datelines, credits, teasers, captions, footers, separators,
//! hashtag rows, repeated lines, blank lines, invisible marks), in any order and number.
//!
//! Whatever the page: content (title, paragraphs, datelines) and debris never overlap, debris
//! pieces never overlap each other, every span is non-empty, trimmed, on char boundaries and
//! inside the text, and every visible character of the text is in content or in debris.

use marsad_extract::clean::Cleaner;
use marsad_text::Span;
use proptest::prelude::*;

const LINES: &[&str] = &[
    "قتل 21 عنصرا من قوات النظام السوري في كمين نصبه مسلحو التنظيم في محافظة السويداء ليل الاثنين.",
    "وقالت وزارة الدفاع الأرمينية في بيان إن القوات الأذربيجانية قصفت مواقع حدودية بالمدفعية الثقيلة.",
    "أعلنت شركة أرامكو السعودية، الخميس، عن توقيع اتفاقية جديدة مع شركة صينية لتطوير مصفاة في الصين.",
    "كشف الاتحاد الدولي لكرة القدم، الجمعة، عن القائمة النهائية للمرشحين لجائزة أفضل لاعب في العالم.",
    "بيروت - قال الجيش اللبناني، الخميس، إن دورية تعرضت لإطلاق نار قرب الحدود الجنوبية دون إصابات.",
    "دبي، الإمارات العربية المتحدة (CNN)-- أعلن المتحدث باسم الجيش المصري مقتل 7 أفراد من قوات الجيش.",
    "يريفان - أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود.",
    "رويترز- بنغازي: قال مسعفون ومسؤولون عسكريون إن عشرة جنود ليبيين قتلوا خلال قتال في بنغازي.",
    "عين اليوم – بنغازي (ليبيا)",
    "واشنطن/ دبي-رويترزالشرق",
    "الثلاثاء 2022/09/13",
    "علاء بريك",
    "بقلم: علاء بريك",
    "قصف وقتلى",
    "هل استخدمت الحكومة السورية أسلحة كيميائية من قبل؟",
    "أوغندا تستقبل ما يزيد عن مليون لاجئ من جنوب السودان",
    "اقرأ المزيد",
    "اقرأ أيضاً:",
    "اقرأ أيضا: الجماعات المسلحة التي تقاتل في الغوطة الشرقية",
    "ربما يعجبك أيضا",
    "المزيد من دوليات",
    "شارك",
    "تصنيفات",
    "Sorry, you need to enable JavaScript to visit this website.",
    "time reading iconدقائق القراءة - 4",
    "يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)",
    "وزير الخارجية الأميركي أنتوني بلينكن خلال مؤتمر صحافي. 5 أغسطس 2022. - AFP",
    "-----------------------------------------------------",
    "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
    "#الصومال #مقديشو #حركة_الشباب",
    "وانتهى الاجتماع دون اتفاق. سمات بنغازي داعش قتل ليبيا",
    "وأكد البيان استمرار العمليات. رابط الخبر بصحيفة الوئام: مقتل 1332 عراقياً",
    "- المشروع: وقد يتضمن هذا المحور عدة أفكار تقدمها الفرق المشاركة",
    "!!!...،،؟",
    "",
    "   ",
    "\u{200f}",
    "\u{a0}\u{a0}",
];

fn page() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        8 => prop::sample::select(LINES).prop_map(str::to_string),
        1 => "[\\u{0600}-\\u{06FF} .،؟!\\-:()«»\"]{0,80}",
    ];
    let eol = prop::sample::select(&["\n", "\n\n", "\r\n", "\u{2028}"][..]);
    prop::collection::vec((line, eol), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(l, e)| format!("{l}{e}")).collect())
}

fn check(text: &str, meta_title: Option<&str>) {
    let c = Cleaner::builtin().clean(text, meta_title);
    let mut content: Vec<Span> = c.paragraphs.iter().map(|p| p.span).collect();
    content.extend(c.title.as_ref().and_then(|t| t.span));
    let debris: Vec<Span> = c.debris.iter().map(|d| d.span).collect();
    for s in content.iter().chain(&debris) {
        assert!(!s.is_empty(), "empty span in {text:?}");
        assert!(s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        let t = s.slice(text);
        assert_eq!(t.trim(), t, "untrimmed span {t:?}");
    }
    let all: Vec<Span> = content.iter().chain(&debris).copied().collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(!a.overlaps(*b), "{:?} overlaps {:?} in {text:?}", a.slice(text), b.slice(text));
        }
    }
    // nothing visible is lost between content and debris (white space, invisible marks and a
    // combining mark with no letter before it are not visible text)
    let normalizer = Cleaner::builtin().normalizer();
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() || normalizer.normalize_str(ch.encode_utf8(&mut [0; 4])).trim().is_empty() {
            continue;
        }
        assert!(
            all.iter().any(|s| s.start() <= i && i < s.end()),
            "character {ch:?} at {i} is neither content nor debris in {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn content_and_debris_partition_the_page(text in page()) {
        check(&text, None);
    }

    #[test]
    fn with_a_metadata_title_too(text in page()) {
        check(&text, Some("قتل 21 عنصرا من قوات النظام السوري"));
    }

    #[test]
    fn any_unicode(text in "\\PC{0,300}") {
        check(&text, None);
    }
}
