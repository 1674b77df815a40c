//! Matching on a small knowledge base written for the tests.

use marsad_text::{Normalizer, Segmenter, analyse};

use crate::{AliasKind, EntityType, How, Kb, Sources};

const COUNTRIES: &str = "id\tname_en\tiso2\tnames_ar\tnisba\tdemonyms\tcapital\tregime
country:armenia\tArmenia\tAM\tأرمينيا|أرمينية\tأرميني|أرمني\tأرمن\tplace:yerevan\t
country:azerbaijan\tAzerbaijan\tAZ\tأذربيجان\tأذربيجاني|أذري\t\tplace:baku\t
country:israel\tIsrael\tIL\tإسرائيل\tإسرائيلي\t\t\t
country:syria\tSyria\tSY\tسوريا|سورية\tسوري\t\t\tالنظام
country:united-states\tUnited States\tUS\tالولايات المتحدة|الولايات المتحدة الأمريكية|أمريكا\tأمريكي|أميركي\t\t\t
country:uzbekistan\tUzbekistan\tUZ\tأوزبكستان\tأوزبكي\t\t\t
";
const PLACES: &str = "id\ttype\tsubtype\tname_en\tnames_ar\thead\tcountry\tlat\tlon\tpopulation\tsource
place:yerevan\tGPE\tcapital\tYerevan\tيريفان\t\tcountry:armenia\t40.18\t44.51\t1000000\thand
place:baku\tGPE\tcapital\tBaku\tباكو\t\tcountry:azerbaijan\t\t\t\thand
place:as-suwayda-governorate\tGPE\tprovince\tAs-Suwayda Governorate\tمحافظة السويداء\tمحافظة\tcountry:syria\t\t\t\thand
place:as-suwayda\tGPE\tcity\tAs-Suwayda\tالسويداء\t\tcountry:syria\t\t\t\thand
place:nagorno-karabakh\tGPE\tregion\tNagorno-Karabakh\tناجورنو كاراباخ|ناغورني قره باغ\t\tcountry:azerbaijan\t\t\t\thand
place:al-amal\tGPE\ttown\tAl-Amal\tالأمل\t\tcountry:syria\t\t\t\thand
";
const ORGS: &str = "id\tsubtype\tname_en\tnames_ar\tabbr\tcountry
org:bloomberg-news\tagency\tBloomberg News\tبلومبرج|بلومبيرغ\t\tcountry:united-states
org:al-arabiya\tbroadcaster\tAl Arabiya\tالعربية|العربية.نت\t\t
org:nato\talliance\tNATO\tالناتو|حلف شمال الأطلسي\tNATO|OTAN\t
";
const PEOPLE: &str = "id\tname_en\tnames_ar\tcountry\trole
person:antony-blinken\tAntony Blinken\tأنتوني بلينكن\tcountry:united-states\t
person:sergei-shoigu\tSergei Shoigu\tسيرجي شويجو\t\t
";

fn kb() -> Kb {
    Kb::from_sources(&Sources {
        countries: COUNTRIES,
        places: PLACES,
        orgs: ORGS,
        people: PEOPLE,
        given_names: "name\torigin\tgender\tenglish\nسيرجي\tforeign\tm\tSergei\nعبد الرحمن\tarabic\tm\tAbdul Rahman
عبدالرحمن\tarabic\tm\tAbdul Rahman\nرضا\tarabic\tm\tRida\nعمرو\tarabic\tm\t\n",
        titles: "title\tkind\ten\nوزير الخارجية\trole\tMinister of Foreign Affairs\nالرئيس\ttitle\tPresident\n",
        common_words: "# test\nالأمل\n",
        ..Sources::default()
    })
    .expect("the test knowledge base loads")
}

/// (matched text, English name, how) of every match.
fn found(kb: &Kb, text: &str) -> Vec<(String, String, How)> {
    let norm = Normalizer::analysis().normalize(text);
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    kb.find(&tokens, norm.text())
        .into_iter()
        .map(|m| {
            let span = tokens[m.start].token.span.cover(tokens[m.end - 1].token.span);
            let c = m.candidates[0];
            (span.slice(text).to_string(), kb.entry(c.entry).name_en.clone(), c.how)
        })
        .collect()
}

fn names(kb: &Kb, text: &str) -> Vec<String> {
    found(kb, text).into_iter().map(|(_, n, _)| n).collect()
}

#[test]
fn names_with_clitics_and_several_words() {
    let kb = kb();
    assert_eq!(
        names(&kb, "وأرمينيا وبالولايات المتحدة الأمريكية ولباكو"),
        ["Armenia", "United States", "Baku"]
    );
    // the longest name wins
    let f = found(&kb, "في الولايات المتحدة الأمريكية اليوم");
    assert_eq!(f[0].0, "الولايات المتحدة الأمريكية");
    assert_eq!(names(&kb, "ناغورني قره باغ وناجورنو كاراباخ"), ["Nagorno-Karabakh", "Nagorno-Karabakh"]);
    assert_eq!(names(&kb, "قالت العربية.نت"), ["Al Arabiya"]);
    assert_eq!(names(&kb, "حلف NATO"), ["NATO"]);
}

#[test]
fn a_province_with_its_head_word_and_the_city_without() {
    let kb = kb();
    let norm = Normalizer::analysis().normalize("في محافظة السويداء وفي السويداء");
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    let m = kb.find(&tokens, norm.text());
    assert_eq!(kb.entry(m[0].candidates[0].entry).name_en, "As-Suwayda Governorate");
    assert_eq!(m[0].candidates[0].kind, AliasKind::Headed);
    assert_eq!(kb.entry(m[1].candidates[0].entry).name_en, "As-Suwayda");
}

#[test]
fn transliteration_variants_and_typos() {
    let kb = kb();
    assert_eq!(found(&kb, "وقال أنتوني بلينكين")[0].2, How::Loose);
    assert_eq!(names(&kb, "سيرغي شويغو"), ["Sergei Shoigu"]);
    assert_eq!(names(&kb, "وكالة بلومبيرج"), ["Bloomberg News"]);
    assert_eq!(names(&kb, "أوزباكستان"), ["Uzbekistan"]);
    let f = found(&kb, "قصفت أذربيحان");
    assert_eq!((f[0].1.as_str(), f[0].2), ("Azerbaijan", How::Typo));
}

#[test]
fn near_misses_that_are_not_names() {
    let kb = kb();
    // a nisba is one letter off its country, and shares its loose key
    assert!(names(&kb, "الجيش الإسرائيلي وإسرائيلي").is_empty());
    // a first name is not a typo of a name
    assert!(names(&kb, "سيرجي").is_empty());
    // three letters and the article are too short a loose key: الجناج (a typo of الجناح) is
    // not الكونغو, البن ("the coffee") is not اليابان
    let kb_more = Kb::from_sources(&Sources {
        countries: "id\tname_en\tiso2\tnames_ar\tnisba\tdemonyms\tcapital\tregime
country:congo\tCongo\tCD\tالكونغو\tكونغولي\t\t\t
country:japan\tJapan\tJP\tاليابان\tياباني\t\t\t
country:pakistan\tPakistan\tPK\tباكستان\tباكستاني\t\t\t
country:bulgaria\tBulgaria\tBG\tبلغاريا\tبلغاري\t\t\t
country:germany\tGermany\tDE\tألمانيا\tألماني\t\t\t
",
        ..Sources::default()
    })
    .unwrap();
    assert_eq!(names(&kb_more, "الكونغو واليابان"), ["Congo", "Japan"]);
    assert!(names(&kb_more, "الجناج المسلح وزراعة البن").is_empty());
    // a loose key alone is not enough: the word must be one edit from the name (بأوغستين and
    // بغاستون share باكستان's key, بالقوارير بلغاريا's); باكيستان is Pakistan
    assert!(names(&kb_more, "الخاص بأوغستين وقذفوه بالقوارير").is_empty());
    assert!(names(&kb_more, "استعان بغاستون").is_empty());
    assert_eq!(names(&kb_more, "باكيستان"), ["Pakistan"]);
    // ألمانيا has no article (its key المانيا only looks so): a typo of it is still one
    assert_eq!(names(&kb_more, "ألمانبا"), ["Germany"]);
    // nor are the article and five letters enough for a typo: الاسكواش (squash) is not الإسكوا
    let kb_orgs = Kb::from_sources(&Sources {
        orgs: "id\tsubtype\tname_en\tnames_ar\tabbr\tcountry
org:escwa\tun-agency\tESCWA\tالإسكوا\t\t
org:unicef\tun-agency\tUNICEF\tاليونيسيف\t\t
",
        ..Sources::default()
    })
    .unwrap();
    assert!(names(&kb_orgs, "بطولة الاسكواش").is_empty());
    assert_eq!(names(&kb_orgs, "الإسكوا واليونيسف"), ["ESCWA", "UNICEF"]);
    // names do not run across a line break
    assert_eq!(names(&kb, "الولايات\nالمتحدة"), Vec::<String>::new());
}

#[test]
fn ambiguous_one_word_names_are_marked() {
    let kb = kb();
    let norm = Normalizer::analysis().normalize("عبر عن الأمل");
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    let m = kb.find(&tokens, norm.text());
    assert!(m[0].candidates[0].ambiguous);
}

#[test]
fn nisba_regime_given_names_and_titles() {
    let kb = kb();
    let armenia = kb.by_id("country:armenia").unwrap();
    for form in ["ارميني", "الارمنيه", "الارمينيون", "الارمن", "ارمن"] {
        assert_eq!(kb.nisba(form), Some(armenia), "{form}");
    }
    assert_eq!(kb.regime("السوري"), kb.by_id("country:syria"));
    assert_eq!(kb.regime("الارميني"), None);
    assert!(kb.given_name("سيرجي").is_some_and(|g| !g.arabic));
    // a compound is a name as a whole; عبد opens one
    assert!(kb.given_name("الرحمن").is_none());
    assert!(kb.given_name("عبد").is_some());
    let words = ["الرحمن"];
    assert_eq!(kb.given_name_at("عبد", |k| words.get(k).copied()).map(|(n, _)| n), Some(2));
    // the English spelling of one word, a compound and its joined spelling; none when empty
    assert_eq!(kb.given_english("رضا"), Some("Rida"));
    assert_eq!(kb.given_english("سيرجي"), Some("Sergei"));
    assert_eq!(kb.given_english("عبد الرحمن"), Some("Abdul Rahman"));
    assert_eq!(kb.given_english("عبدالرحمن"), Some("Abdul Rahman"));
    assert_eq!(kb.given_english("عمرو"), None);
    assert!(kb.given_name("عمرو").is_some());
    assert_eq!(kb.given_english("الرحمن"), None);
    let words = ["الخارجيه", "الامريكي"];
    let (len, title) = kb.title("وزير", |k| words.get(k).copied()).unwrap();
    assert_eq!((len, title.en.as_str()), (2, "Minister of Foreign Affairs"));
    assert_eq!(kb.entry(kb.by_id("place:yerevan").unwrap()).etype, EntityType::Gpe);
    assert_eq!(kb.entry(armenia).capital, kb.by_id("place:yerevan"));
}

#[test]
fn errors_name_the_file_and_line() {
    let bad = Sources {
        places: "id\ttype\tsubtype\tname_en\tnames_ar\tcountry\nplace:x\tCITY\tcity\tX\tس\t\n",
        ..Sources::default()
    };
    assert_eq!(
        Kb::from_sources(&bad).unwrap_err().to_string(),
        "places.tsv:2: type \"CITY\" is neither GPE nor LOC"
    );
    let dangling = Sources {
        orgs: "id\tsubtype\tname_en\tnames_ar\tabbr\tcountry\norg:x\tother\tX\tس\t\tcountry:nowhere\n",
        ..Sources::default()
    };
    assert!(Kb::from_sources(&dangling).unwrap_err().to_string().contains("country:nowhere"));
    let twice = Sources {
        people: "id\tname_en\tnames_ar\tcountry\nperson:a\tA\tا\t\nperson:a\tB\tب\t\n",
        ..Sources::default()
    };
    assert!(Kb::from_sources(&twice).unwrap_err().to_string().contains("used twice"));
    let slug =
        Sources { people: "id\tname_en\tnames_ar\tcountry\nperson:A B\tA\tا\t\n", ..Sources::default() };
    assert!(Kb::from_sources(&slug).is_err());
    fn given(rows: &str) -> Sources<'_> {
        Sources { given_names: rows, ..Sources::default() }
    }
    for (rows, message) in [
        ("name\torigin\tenglish\nخالد\tarabic\tخالد\n", "given-names.tsv:2: english \"خالد\": Latin letters"),
        (
            "name\torigin\tenglish\n# x\nخالد\tarabic\tKhaled|Khalid\n",
            "given-names.tsv:3: english \"Khaled|Khalid\": one",
        ),
        ("name\torigin\tenglish\nخالد\tarabic\tkhaled\n", "given-names.tsv:2: english \"khaled\": it starts"),
        (
            "name\torigin\tenglish\nعبد الله\tarabic\tAbdullah\nعبد اللّه\tarabic\tAbdallah\n",
            "given-names.tsv:3: english \"Abdallah\": عبد اللّه is spelled \"Abdullah\" on another row",
        ),
    ] {
        let error = Kb::from_sources(&given(rows)).unwrap_err().to_string();
        assert!(error.starts_with(message), "{error}");
    }
    // the column is optional
    assert!(Kb::from_sources(&given("name\torigin\nخالد\tarabic\n")).is_ok());
}

#[test]
fn the_shipped_knowledge_base_loads() {
    let kb = Kb::builtin();
    let stats = kb.stats();
    assert!(stats.entries > 200, "{stats:?}");
    assert!(kb.by_id("country:armenia").is_some());
    for (name, english) in
        [("محمد", "Mohammed"), ("عبد الله", "Abdullah"), ("عبدالله", "Abdullah"), ("جون", "John")]
    {
        assert_eq!(kb.given_english(name), Some(english), "{name}");
    }
}

#[test]
fn a_family_name_alone_keeps_its_particle_or_suffix() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:bruno-le-maire\tBruno Le Maire\tبرونو لو مير\t\t
person:mevlut-cavusoglu\tMevlüt Çavuşoğlu\tمولود جاويش أوغلو\t\t
person:ahmet-davutoglu\tAhmet Davutoğlu\tأحمد داود أوغلو\t\t
person:jd-vance\tJD Vance\tجي دي فانس\t\t
person:sergei-shoigu\tSergei Shoigu\tسيرجي شويجو\t\t
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    let short = |text: &str| -> Vec<(String, String)> {
        found(&kb, text).into_iter().map(|(t, n, _)| (t, n)).collect()
    };
    // the particle is part of the family name: مير alone is someone else (مير سراج ريساني)
    assert_eq!(short("وقال لو مير إن"), [("لو مير".to_string(), "Bruno Le Maire".to_string())]);
    assert!(short("للسياسي مير سراج ريساني").is_empty());
    // a suffix written apart: أوغلو alone is every Turkish -oğlu
    assert_eq!(short("وقال جاويش أوغلو"), [("جاويش أوغلو".to_string(), "Mevlüt Çavuşoğlu".to_string())]);
    assert!(short("وقال أوغلو").is_empty());
    // initials are not a particle: جي دي فانس is J. D. Vance, and فانس alone is him
    assert_eq!(short("وقال فانس"), [("فانس".to_string(), "JD Vance".to_string())]);
    assert_eq!(short("وقال شويجو"), [("شويجو".to_string(), "Sergei Shoigu".to_string())]);
}

#[test]
fn a_hyphen_between_words_of_a_name_reads_as_a_space() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:kim-jong-un\tKim Jong Un\tكيم جونغ أون\t\t
person:ban-ki-moon\tBan Ki-moon\tبان كي-مون\t\t
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    let full = |text: &str| -> Vec<(String, String)> {
        found(&kb, text).into_iter().map(|(t, n, _)| (t, n)).collect()
    };
    // BBC Arabic writes the given name of a Korean with a hyphen
    assert_eq!(
        full("زعيم كوريا الشمالية كيم جونغ-أون ووالده"),
        [("كيم جونغ-أون".to_string(), "Kim Jong Un".to_string())]
    );
    // a name listed with its hyphen is found without it, and with it
    assert_eq!(full("وقال بان كي مون"), [("بان كي مون".to_string(), "Ban Ki-moon".to_string())]);
    assert_eq!(full("وقال بان كي-مون"), [("بان كي-مون".to_string(), "Ban Ki-moon".to_string())]);
    // a dash set apart by spaces separates, it does not join (أون alone is the family name
    // here: the row names no country)
    assert_eq!(full("كيم جونغ - أون"), [("أون".to_string(), "Kim Jong Un".to_string())]);
}

#[test]
fn a_hashtag_sign_inside_a_name_reads_as_a_space() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:donald-trump\tDonald Trump\tدونالد ترمب\t\t
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    let full = |text: &str| -> Vec<(String, String)> {
        found(&kb, text).into_iter().map(|(t, n, _)| (t, n)).collect()
    };
    // some newsrooms tag a name's last word: the name runs on across the sign
    assert_eq!(
        full("وقال الرئيس الأميركي دونالد #ترمب إن"),
        [("دونالد #ترمب".to_string(), "Donald Trump".to_string())]
    );
    // not across a line, nor a sign written apart
    assert_eq!(full("دونالد\n#ترمب"), [("ترمب".to_string(), "Donald Trump".to_string())]);
    assert_eq!(full("دونالد # ترمب"), [("ترمب".to_string(), "Donald Trump".to_string())]);
}

#[test]
fn names_written_family_name_first_give_no_last_word_alone() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:kim-jong-un\tKim Jong Un\tكيم جونغ أون\tcountry:north-korea\t
person:ban-ki-moon\tBan Ki-moon\tبان كي مون\t\t
person:vitaliy-kim\tVitaliy Kim\tفيتالي كيم\t\t
";
    let countries = "id\tname_en\tiso2\tnames_ar\tnisba\tdemonyms\tcapital\tregime
country:north-korea\tNorth Korea\tKP\tكوريا الشمالية\tكوري شمالي\t\t\t
";
    let kb = Kb::from_sources(&Sources { people, countries, ..Sources::default() }).expect("loads");
    let id =
        |text: &str| -> Vec<String> { found(&kb, text).into_iter().map(|(_, n, _)| n).collect::<Vec<_>>() };
    let entry = |id: &str| kb.entry(kb.by_id(id).expect("listed"));
    // by country, and by the Korean romanisation of a name whose row names no country
    assert!(entry("person:kim-jong-un").family_first);
    assert!(entry("person:ban-ki-moon").family_first);
    assert!(!entry("person:vitaliy-kim").family_first);
    // أون and مون are the last syllables of given names, not names alone
    assert!(id("لقاء أون مع").is_empty());
    assert!(id("الرئيس مون قال").is_empty());
    // كيم alone is the family name of Vitaliy Kim (written last), not of Kim Jong Un: the
    // entity layer links it to Kim Jong Un in an article that names him in full
    assert_eq!(id("وقال كيم"), ["Vitaliy Kim"]);
}

#[test]
fn the_korean_romanisation_is_two_words_the_given_name_hyphenated() {
    use crate::load::korean_romanisation as korean;
    for name in ["Ban Ki-moon", "Moon Jae-in", "Ri Yong-ho", "Choe Son-hui"] {
        assert!(korean(name), "{name}");
    }
    for name in ["Kim Jong Un", "Mohammed al-Hout", "Jean-Yves Le Drian", "Abdel Fattah el-Sisi", "Ban"] {
        assert!(!korean(name), "{name}");
    }
}

#[test]
fn an_ordinal_is_no_family_name() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:mohammed-vi\tMohammed VI\tمحمد السادس\t\t
person:abdullah-ii\tAbdullah II\tعبد الله الثاني\t\t
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    assert!(names(&kb, "في المركز السادس").is_empty());
    assert!(names(&kb, "للمرة الثاني").is_empty());
    assert_eq!(names(&kb, "الملك محمد السادس"), ["Mohammed VI"]);
}

#[test]
fn offices_are_read_from_the_role_with_their_years() {
    use crate::Office;
    use crate::load::offices;
    assert_eq!(
        offices("Prime Minister of Japan (2006-2007, 2012-2020)"),
        [
            Office { from: 2006, to: Some(2007), head: true },
            Office { from: 2012, to: Some(2020), head: true }
        ]
    );
    assert_eq!(
        offices("Minister of Foreign Affairs (2012-2013)|Head of Government of Morocco (2017–2021)"),
        [
            Office { from: 2012, to: Some(2013), head: false },
            Office { from: 2017, to: Some(2021), head: true }
        ]
    );
    assert_eq!(
        offices("Governor of Mykolaiv Oblast (2020-)"),
        [Office { from: 2020, to: None, head: false }]
    );
    assert_eq!(offices("Acting President (2014)"), [Office { from: 2014, to: Some(2014), head: true }]);
    assert!(offices("Founder and leader of al-Qaeda (1988-2011)")[0].head);
    assert_eq!(
        offices("Leader of the Gülen movement (d. 2024)"),
        [Office { from: 0, to: Some(2024), head: true }]
    );
    assert_eq!(offices("Brigade commander (d. 2014)"), [Office { from: 0, to: Some(2014), head: false }]);
    assert!(!offices("Vice President of Yemen (2016-2022)")[0].head);
    // no years, and numbers that are no years
    assert!(offices("Senior al-Qaeda leader").is_empty());
    assert!(offices("Commander of the 12345th brigade").is_empty());
}

#[test]
fn a_family_name_alone_names_whom_the_news_of_the_year_name() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:vitaliy-kim\tVitaliy Kim\tفيتالي كيم\t\tGovernor of Mykolaiv Oblast (2020-)
person:chuck-hagel\tChuck Hagel\tتشاك هاغل\t\tSecretary of Defense (2013-2015)
person:barack-obama\tBarack Obama\tباراك أوباما\t\tPresident of the United States (2009-2017)
person:saif-al-adel\tSaif al-Adel\tسيف العدل\t\tSenior al-Qaeda leader
person:sample-commander\tSample Commander\tسامي القائد\t\tBrigade commander (d. 2014)
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    let alone = |id: &str, year: i32| kb.entry(kb.by_id(id).expect("known")).named_alone_in(year);
    // a governor from 2020: in 2018 كيم is someone else; from the year before he took office on
    assert_eq!(alone("person:vitaliy-kim", 2018), Some(false));
    assert_eq!(alone("person:vitaliy-kim", 2019), Some(true));
    assert_eq!(alone("person:vitaliy-kim", 2022), Some(true));
    // a minister, two years after his office at most
    assert_eq!(alone("person:chuck-hagel", 2014), Some(true));
    assert_eq!(alone("person:chuck-hagel", 2017), Some(true));
    assert_eq!(alone("person:chuck-hagel", 2018), Some(false));
    assert_eq!(alone("person:chuck-hagel", 2011), Some(false));
    // a head of state for ever after, though heading it only in its years
    assert_eq!(alone("person:barack-obama", 2024), Some(true));
    let heads = |id: &str, year: i32| kb.entry(kb.by_id(id).expect("known")).heads_in(year);
    assert!(heads("person:barack-obama", 2012) && heads("person:barack-obama", 2019));
    assert!(!heads("person:barack-obama", 2020) && !heads("person:chuck-hagel", 2014));
    assert_eq!(alone("person:barack-obama", 2007), Some(false));
    // no years: nothing to say
    assert_eq!(alone("person:saif-al-adel", 2018), None);
    // in the news until their death, and two years after
    assert_eq!(alone("person:sample-commander", 2016), Some(true));
    assert_eq!(alone("person:sample-commander", 2017), Some(false));
}

#[test]
fn a_patronymic_names_its_bearer_by_both_words_not_the_fathers_name_alone() {
    let people = "id\tname_en\tnames_ar\tcountry\trole
person:mohammed-bin-salman\tMohammed bin Salman\tمحمد بن سلمان\t\t
person:osama-bin-laden\tOsama bin Laden\tأسامة بن لادن\t\t
";
    let kb = Kb::from_sources(&Sources { people, ..Sources::default() }).expect("loads");
    assert_eq!(names(&kb, "وقال بن سلمان إن العلاقات ستعود"), ["Mohammed bin Salman"]);
    assert_eq!(names(&kb, "الأرجح أن حياة بن لادن انتهت"), ["Osama bin Laden"]);
    // the father's first name alone is anyone's
    assert!(names(&kb, "واستقبل الملك سلمان الوفد").is_empty());
    assert!(names(&kb, "وتسلم لادن الجائزة").is_empty());
}

/// A form's filter holds the bit of each of its heads and no other, so that a name it has
/// among its heads always passes the filter; the bits spread over all 64.
#[test]
fn a_forms_filter_holds_its_heads() {
    let kb = kb();
    let text = "وبأرمينيا قال الرئيس الأرميني إن السويداء ولباشينيان وزارة";
    let norm = Normalizer::analysis().normalize(text);
    let tokens: Vec<_> = analyse(&norm, norm.full_span(), Segmenter::builtin()).collect();
    let mut words = 0;
    for t in &tokens {
        let keys = kb.word_keys(t, norm.text());
        for h in &keys.heads {
            assert_ne!(keys.heads_filter & crate::word_filter(h), 0, "{h}");
        }
        assert!(keys.heads_filter.count_ones() as usize <= keys.heads.len());
        words += usize::from(!keys.heads.is_empty());
    }
    assert!(words >= 7);
    let bits = (0..2000).fold(0u64, |b, i| b | crate::word_filter(&format!("كلمة{i}")));
    assert_eq!(bits, u64::MAX);
}
