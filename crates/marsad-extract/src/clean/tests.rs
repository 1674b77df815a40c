use super::*;

fn clean(text: &str) -> Cleaned {
    Cleaner::builtin().clean(text, None)
}

/// The debris of `text` rendered as `reason: "text"` lines.
fn debris_of(text: &str, cleaned: &Cleaned) -> Vec<String> {
    cleaned.debris.iter().map(|d| format!("{}: {}", d.reason.as_str(), d.span.slice(text))).collect()
}

/// The paragraphs of `text` rendered as `kind: "text"` lines.
fn paragraphs_of(text: &str, cleaned: &Cleaned) -> Vec<String> {
    cleaned.paragraphs.iter().map(|p| format!("{}: {}", p.kind.as_str(), p.span.slice(text))).collect()
}

fn assert_disjoint(cleaned: &Cleaned) {
    for d in &cleaned.debris {
        for p in &cleaned.paragraphs {
            assert!(!d.span.overlaps(p.span), "debris {:?} overlaps paragraph {:?}", d, p);
        }
        if let Some(t) = cleaned.title.as_ref().and_then(|t| t.span) {
            assert!(!d.span.overlaps(t), "debris {d:?} overlaps the title");
        }
    }
}

#[test]
fn the_shipped_rules_compile() {
    let _ = Cleaner::builtin();
}

#[test]
fn script_notice_title_teasers_and_cms_leftovers() {
    let text = "Sorry, you need to enable JavaScript to visit this website.\n\n\
        جبهة قره باغ تشتعل على وقع مساعي بومبيو\n\n\
        اندلعت اشتباكات جديدة بين القوات الأذربيجانية وقوات أرمنية في إقليم ناغورنو قره باغ، بعد يوم من محادثات.\n\n\
        لقاءات منفصلة\n\nاقرأ المزيد\n\n\
        يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)\n\n\
        والتقى بومبيو بشكل منفصل نظيره الأذربيجاني جيهون بيرموف ثم الأرميني زهراب مناتساكانيان في مقر وزارة الخارجية.\n\n\
        اقرأ المزيد\n\nالمزيد من دوليات";
    let c = clean(text);
    assert_disjoint(&c);
    assert_eq!(c.title.as_ref().unwrap().text, "جبهة قره باغ تشتعل على وقع مساعي بومبيو");
    assert_eq!(
        debris_of(text, &c),
        [
            "script-notice: Sorry, you need to enable JavaScript to visit this website.",
            "read-more: اقرأ المزيد",
            "cms-leftover: يحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)",
            "read-more: اقرأ المزيد",
            "related-teaser: المزيد من دوليات",
        ]
    );
    let kinds: Vec<&str> = c.paragraphs.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds, ["lede", "heading", "body"]);
}

#[test]
fn repeated_captions_reading_time_and_a_place_first_dateline() {
    let text = "واشنطن: موسكو قادرة على المساهمة في \"تهدئة الأوضاع\" بين أرمينيا وأذربيجان\n\n\
        time reading iconدقائق القراءة - 4\n\
        وزير الخارجية الأميركي أنتوني بلينكن خلال مؤتمر صحافي. 5 أغسطس 2022. - AFP\n\
        وزير الخارجية الأميركي أنتوني بلينكن خلال مؤتمر صحافي. 5 أغسطس 2022. - AFP\n\
        واشنطن/ دبي-رويترزالشرق\n\n\
        قال وزير الخارجية الأميركي أنتوني بلينكن، الثلاثاء، إنه قلق من أن روسيا قد تحاول \"إثارة الاضطرابات\".\n\n\
        اقرأ أيضاً:\n\nتصنيفات";
    let c = clean(text);
    assert_disjoint(&c);
    assert_eq!(
        debris_of(text, &c),
        [
            "reading-time: time reading iconدقائق القراءة - 4",
            "caption: وزير الخارجية الأميركي أنتوني بلينكن خلال مؤتمر صحافي. 5 أغسطس 2022. - AFP",
            "caption: وزير الخارجية الأميركي أنتوني بلينكن خلال مؤتمر صحافي. 5 أغسطس 2022. - AFP",
            "read-more: اقرأ أيضاً:",
            "related-teaser: تصنيفات",
        ]
    );
    assert_eq!(
        paragraphs_of(text, &c),
        [
            "dateline: واشنطن/ دبي-رويترزالشرق",
            "lede: قال وزير الخارجية الأميركي أنتوني بلينكن، الثلاثاء، إنه قلق من أن روسيا قد تحاول \"إثارة الاضطرابات\".",
        ]
    );
}

#[test]
fn byline_date_line_and_inline_dateline() {
    let text = "تراجع وتيرة المواجهات مع أذربيجان وأرمينيا تعلن مقتل 49 من جنودها\n\n\
        علاء بريك\n\
        الثلاثاء 2022/09/13\n\
        يريفان - أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود مع أذربيجان صباح الثلاثاء.\n";
    let c = clean(text);
    assert_eq!(
        paragraphs_of(text, &c),
        [
            "byline: علاء بريك",
            "dateline: الثلاثاء 2022/09/13",
            "dateline: يريفان -",
            "lede: أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود مع أذربيجان صباح الثلاثاء.",
        ]
    );
    assert!(c.debris.is_empty());
}

#[test]
fn source_credits_open_the_text_as_debris() {
    let text = " عين اليوم – بنغازي (ليبيا)\nقال مسؤولون عسكريون إن سبعة جنود ليبيين قتلوا اليوم الجمعة عندما اقتحم متشددون نقطة تفتيش. سمات بنغازي داعش قتل ليبيا ";
    let c = clean(text);
    assert_disjoint(&c);
    assert_eq!(
        debris_of(text, &c),
        ["source-credit: عين اليوم – بنغازي (ليبيا)", "tags: سمات بنغازي داعش قتل ليبيا"]
    );
    assert_eq!(c.outlet.as_deref(), Some("Ain Alyoum"));
    let text = " رويترز- بنغازي: قال مسعفون ومسؤولون عسكريون إن عشرة جنود ليبيين قُتلوا خلال قتال جماعات إسلامية في مدينة بنغازي.";
    let c = clean(text);
    assert_eq!(debris_of(text, &c), ["source-credit: رويترز- بنغازي:"]);
    assert_eq!(
        paragraphs_of(text, &c),
        [
            "lede: قال مسعفون ومسؤولون عسكريون إن عشرة جنود ليبيين قُتلوا خلال قتال جماعات إسلامية في مدينة بنغازي."
        ]
    );
    assert_eq!(c.outlet, None, "an agency is a source, not the outlet");
}

#[test]
fn related_headlines_between_paragraphs_and_an_app_footer() {
    let text = "\nوثق تقرير حديث للأمم المتحدة عن جنوب السودان ارتكاب جرائم مروعة، قد ترقى إلى جرائم الحرب.\n\
        وأشار التقرير إلى تورط كلا من الحكومة والقوات المتحالفة معها في العنف الذي شهدته ولاية الوحدة.\n\
        ووقع زعماء الصراع في البلاد على اتفاق لوقف إطلاق النار، في يونيو/ حزيران، يهدف إلى إنهاء الحرب الأهلية.\n\
        \"إجبار أطفال على مشاهدة أمهاتهم يتعرضن للاغتصاب\" في جنوب السودان\n\
        أوغندا تستقبل ما يزيد عن مليون لاجئ من جنوب السودان\n\
        جنوب السودان: توقيف 4 جنود بتهمة الاغتصاب الجماعي\n\
        وأدى القتال إلى فرار الملايين من قراهم فضلا عن مقتل عشرات الآلاف من المدنيين في أنحاء البلاد.\n\
        -----------------------------------------------------\n\
        يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.\n";
    let c = clean(text);
    assert_disjoint(&c);
    assert_eq!(
        debris_of(text, &c),
        [
            "related-teaser: \"إجبار أطفال على مشاهدة أمهاتهم يتعرضن للاغتصاب\" في جنوب السودان",
            "related-teaser: أوغندا تستقبل ما يزيد عن مليون لاجئ من جنوب السودان",
            "related-teaser: جنوب السودان: توقيف 4 جنود بتهمة الاغتصاب الجماعي",
            "separator: -----------------------------------------------------",
            "footer: يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
        ]
    );
    assert_eq!(c.paragraphs.len(), 4);
}

#[test]
fn a_subtitle_under_the_lede_is_not_a_related_headline() {
    let text = "تراجع وتيرة المواجهات مع أذربيجان وأرمينيا تعلن مقتل 49 من جنودها\n\n\
        روسيا تتوسط لوقف إطلاق النار بين يريفان وباكو لوضع حدّ للاشتباكات الدامية التي اندلعت الليلة الماضية.\n\
        الثلاثاء 2022/09/13\n\
        مواجهات حدودية عنيفة واتهامات متبادلة بين أرمينيا وأذربيحان\n\n\
        يريفان - أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود مع أذربيجان صباح الثلاثاء.\n\n\
        وفي وقت سابق، أكدت روسيا أنها تفاوضت على وقف لإطلاق النار يفترض أن يطبق منذ صباح الثلاثاء.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
    let paragraphs = paragraphs_of(text, &c);
    assert!(
        paragraphs
            .contains(&"heading: مواجهات حدودية عنيفة واتهامات متبادلة بين أرمينيا وأذربيحان".to_string()),
        "{paragraphs:#?}"
    );
}

#[test]
fn stories_appended_by_a_crawler_are_cut() {
    let text = "\nأتلانتا، الولايات المتحدة الأمريكية (CNN) – تعرضت محافظة إدلب لقصف جوي من قبل مقاتلات روسية، السبت، وذلك بعد يوم من فشل روسيا وتركيا وإيران بالتوصل إلى هدنة في المحافظة.\n\
        وأشارت المنظمة والمرصد إلى أن المحافظة التي تعد أحد آخر معاقل فصائل المعارضة المسلحة في سوريا، تعرضت لقصف جوي.\n\
        بدورها، قالت منظمة الخوذ البيضاء عبر صفحتها على موقع تويتر إن القصف أسفر عن مقتل 4 أشخاص وإصابة 5 آخرين.\n\
        وكان رؤساء روسيا وتركيا وإيران قد اجتمعوا الجمعة في العاصمة الإيرانية، طهران، لبحث تطورات الوضع في إدلب.\n\
        أدان رئيس الحزب الديمقراطي الكردستاني، مسعود بارزاني، الهجوم الصاروخي الذي نفذته إيران على مقر الحزب الديمقراطي الكردستاني الإيراني، السبت.\n\
        أبدى رئيس مؤسسة الحج والزيارة الإيرانية، حميد وحيدي، استعداد بلاده لإرسال من يرغب بأداء مناسك العمرة إلى المملكة العربية السعودية.\n\
        لقي 12 شخصا على الأقل مصرعهم وجرح 50 آخرون في \"قصف صاروخي\" استهدف مقر الحزب الديمقراطي الكردستاني الإيراني، في مدينة كوي سنجق.\n\
        قال أنور قرقاش، وزير الدولة الإماراتي للشؤون الخارجية، إن اجتماع السلام الذي تقوده الأمم المتحدة في اليمن، يظهر حقيقة من هم جماعة الحوثي.\n";
    let c = clean(text);
    assert_disjoint(&c);
    let appended: Vec<&Debris> =
        c.debris.iter().filter(|d| d.reason == DebrisReason::AppendedStory).collect();
    assert_eq!(appended.len(), 4, "{:?}", debris_of(text, &c));
    assert!(appended[0].span.slice(text).starts_with("أدان رئيس الحزب"));
    assert_eq!(c.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Dateline).count(), 4);
    assert_eq!(c.outlet.as_deref(), Some("CNN Arabic"));
}

#[test]
fn an_article_ending_without_connectives_keeps_its_paragraphs() {
    // the closing paragraphs of this article open without و, but they continue its story
    let text = "\nقتل 51 شخصا وجرح مئات آخرون منذ مساء الخميس في كابل في سلسلة من الهجمات هي الأولى في العاصمة.\n\
        وشن المتمردون هجوما الجمعة على معسكر كامب انتيغريتي الذي تتمركز فيه القوات الأميركية الخاصة بالقرب من كابل.\n\
        قال عبد الهادي خالد الخبير الأفغاني في مجال الأمن إن سلسلة الاعتداءات في كابل تكتيك تستخدمه القيادة الجديدة لطالبان.\n\
        أكد المحلل العسكري ميرزا محمد يرماند أن هذه الموجة الجديدة من التفجيرات في كابل تظهر أن طالبان ما زالت قوية.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
}

#[test]
fn hashtags_inline_are_content_but_hashtag_rows_are_debris() {
    let text = "\nوكانت #مقديشو شهدت في وقت متأخر من مساء الخميس هجمات استخدمت فيها سيارات مفخخة، تلاها تبادل إطلاق نار.\n#الصومال #مقديشو #حركة_الشباب\n";
    let c = clean(text);
    assert_eq!(debris_of(text, &c), ["hashtags: #الصومال #مقديشو #حركة_الشباب"]);
    assert_eq!(c.paragraphs.len(), 1);
    // tags of several words joined by _ are one word each
    let text = "
وكانت غزة شهدت في وقت متأخر من مساء الخميس غارات جوية عنيفة على أحياء سكنية، تلاها تبادل إطلاق نار.
#غزة_تحت_القصف #طوفان_الأقصى
";
    let c = clean(text);
    assert_eq!(debris_of(text, &c), ["hashtags: #غزة_تحت_القصف #طوفان_الأقصى"]);
}

#[test]
fn the_metadata_title_is_found_in_the_text_or_kept_apart() {
    let text = "داعش يباغت قوات النظام السوري بكمين قاتل\n\nفي كمين قاتل نصبه مسلحو تنظيم داعش الإرهابي في محافظة السويداء قتل 21 عنصرا.";
    let c = Cleaner::builtin().clean(text, Some("داعش يباغت قوات النظام السوري بكمين قاتل"));
    let title = c.title.unwrap();
    assert_eq!(title.span.map(|s| s.slice(text)), Some("داعش يباغت قوات النظام السوري بكمين قاتل"));
    assert_eq!(c.paragraphs.len(), 1);

    let text = "\nفي كمين قاتل نصبه مسلحو تنظيم داعش الإرهابي في محافظة السويداء قتل 21 عنصرا.";
    let c = Cleaner::builtin().clean(text, Some("داعش يباغت قوات النظام السوري بكمين قاتل"));
    let title = c.title.unwrap();
    assert_eq!(title.text, "داعش يباغت قوات النظام السوري بكمين قاتل");
    assert_eq!(title.span, None);
    assert_eq!(c.paragraphs.len(), 1);
}

#[test]
fn a_lede_ending_with_a_period_is_not_a_title() {
    let text = "\nقال رئيس أذربيجان إلهام علييف، الجمعة، إن اللقاء المقرر مع رئيس وزراء أرمينيا في بروكسل \"لن يُعقد\".\nوأضاف علييف أن باشينيان قال إنه سيشارك في الاجتماع.";
    let c = clean(text);
    assert!(c.title.is_none());
    assert_eq!(c.paragraphs[0].kind, ParagraphKind::Lede);
}

#[test]
fn list_items_are_content() {
    let text = "\nالمسابقة تضم المدارس الحكومية والخاصة والدولية، وتهدف لتطوير التعامل باللغة الإنجليزية وتجهيز الطلاب.\n\
        وقد فسّر الزغل الإجراءات التي يتم من خلالها تقييم أداء الطلاب، من قبل لجنة تحكيم تحوي قرابة 35 عضواً.\n\
        - المشروع: وقد يتضمن هذا المحور عدة أفكار تقدمها الفرق المشاركة\n\
        - خدمة المجتمع: في هذا المحور يتم التركيز على تقديم المشروع لخدمات تخدم الناس الأقل حظاً\n\
        وختم الزغل حديثه بالإشارة إلى أن المسابقة ستتواصل في الأعوام المقبلة بمشاركة أوسع من المدارس.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
}

#[test]
fn degenerate_inputs() {
    for text in ["", "\n\n\n", "   ", "\u{200f}", "اقرأ المزيد", "-----", "\r\n\r\n", "#"] {
        let c = clean(text);
        assert_disjoint(&c);
        for p in &c.paragraphs {
            assert!(!p.span.is_empty());
        }
    }
}

#[test]
fn a_subheading_that_announces_the_next_paragraph_is_content() {
    // France 24: the subheading sums up the paragraph under it; a related-article link would not
    let text = "\nقتل فلسطينيان اثنان في قطاع غزة، إثر غارات إسرائيلية ليل السبت إلى الأحد، وفقا لمصادر طبية فلسطينية.\n\
        شن الجيش الإسرائيلي السبت غارات جوية على أهداف لحركة حماس في قطاع غزة بعد تفجير أسفر عن إصابة جنود.\n\
        وأوضح الجيش الإسرائيلي أنه شن منذ السبت ضربات جوية على 18 هدفا يعود لحماس في أنحاء القطاع.\n\
        تفجيرعبوة ناسفة في آلية عسكرية إسرائيلية\n\
        وكان الجيش الإسرائيلي يرد بذلك على تفجير عبوة ناسفة في وقت سابق السبت أدى إلى جرح أربعة جنود إسرائيليين.\n\
        وأوضح المتحدث باسم الجيش أن حياة الجنديين المصابين بجروح خطيرة ليست في خطر بعد التفجير.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
    assert!(
        paragraphs_of(text, &c).contains(&"heading: تفجيرعبوة ناسفة في آلية عسكرية إسرائيلية".to_string())
    );
}

#[test]
fn related_link_markers_are_read_more() {
    let text = "\nوإدلب التي تقع بين ساحل المتوسط ومدينة حلب كانت مقصد آلاف المدنيين والمسلحين خلال السنوات الماضية.\n\
        للمزيد: سوريا: تساؤلات حول مصير إدلب وتحذيرات من إراقة الدماء\n\
        اقرأ.. لجنة بريطانية: كاميرون ضخّم الأوضاع بليبيا\n\
        قصة ذات صلة/ روبرت باير لـCNN: \"ساعة خاشقجي\" محاولة لتغطية تجسس\n\
        وتضم المجموعة كرواتيا ونيجيريا اللتين تلتقيان لاحقا في كالينينغراد في المباراة الثانية.\n";
    let c = clean(text);
    let reasons: Vec<&str> = c.debris.iter().map(|d| d.reason.as_str()).collect();
    assert_eq!(reasons, ["read-more", "read-more", "read-more"], "{:?}", debris_of(text, &c));
}

#[test]
fn unpunctuated_lines_that_continue_the_article_are_content() {
    let text = "\nأعلن الجيش الإسرائيلي اعتراض صاروخ أطلق من سوريا باتجاه هضبة الجولان المحتلة مساء الأربعاء.\n\
        وقال متحدث باسم الجيش إن منظومة القبة الحديدية اعترضت الصاروخ فوق الجولان دون وقوع إصابات.\n\
        وأضاف: \"تم رصد صاروخ جديد في سماء الجولان دون معرفة مصدره والطائرات الحربية الإسرائيلية تجوب الأجواء\"\n\
        ويأتي ذلك بعد ساعات من تحذيرات إسرائيلية من رد إيراني على الضربات التي استهدفت مواقع في سوريا.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
}

#[test]
fn a_dateline_inside_appended_stories_goes_with_them() {
    // a story appended after the article may open with its own dateline; the dateline must not
    // survive as content inside the debris
    let text = "\nاندلعت اشتباكات عنيفة بين القوات الأذربيجانية والأرمينية على الحدود صباح الثلاثاء وفق مصادر محلية.\n\
        وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع حدودية بالمدفعية الثقيلة طوال الليل.\n\
        وأضاف المصدر أن الاشتباكات على الحدود ما زالت مستمرة حتى الآن رغم الدعوات الدولية إلى التهدئة.\n\
        بيروت - قال الجيش اللبناني، الخميس، إن دورية تعرضت لإطلاق نار قرب الحدود الجنوبية دون وقوع إصابات بين العسكريين.\n\
        أعلنت شركة أرامكو السعودية، الخميس، عن توقيع اتفاقية جديدة مع شركة صينية لتطوير مصفاة في مقاطعة لياونينغ.\n\
        كشف الاتحاد الدولي لكرة القدم، الجمعة، عن القائمة النهائية للمرشحين لجائزة أفضل لاعب في العالم لهذا الموسم.\n";
    let c = clean(text);
    assert_disjoint(&c);
    let dl_in_debris = c.paragraphs.iter().any(|p| c.debris.iter().any(|d| d.span.overlaps(p.span)));
    assert!(!dl_in_debris);
    assert_eq!(c.debris.len(), 3, "{:?}", debris_of(text, &c));
}

#[test]
fn closing_reactions_are_part_of_the_article() {
    let text = "\nاندلعت اشتباكات عنيفة بين القوات الأذربيجانية والأرمينية على الحدود صباح الثلاثاء وفق مصادر محلية.\n\
        وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت مواقع حدودية أرمينية بالمدفعية الثقيلة.\n\
        وأعلنت أذربيجان من جهتها أن القوات الأرمينية بدأت التصعيد على الحدود بين البلدين فجر الثلاثاء.\n\
        دعت وزارة الخارجية الروسية أرمينيا وأذربيجان إلى وقف التصعيد على الحدود والعودة إلى وقف إطلاق النار.\n\
        طالبت فرنسا أرمينيا وأذربيجان بضبط النفس ووقف الاشتباكات على الحدود واحترام وقف إطلاق النار فورا.\n\
        أعرب الأمين العام للأمم المتحدة عن قلقه من التصعيد على الحدود بين أرمينيا وأذربيجان ودعا إلى وقف إطلاق النار.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
}

#[test]
fn a_lede_credited_to_its_agency_is_not_a_caption() {
    let text = "\nقتل خمسة جنود في هجوم على نقطة تفتيش شمال سيناء فجر اليوم - أ ف ب\n\
        وقالت مصادر أمنية إن المهاجمين استخدموا سيارة مفخخة قبل أن يشتبكوا مع قوات الأمن عند النقطة.\n";
    let c = clean(text);
    assert!(c.debris.is_empty(), "{:?}", debris_of(text, &c));
}

#[test]
fn a_share_button_above_the_lede_opens_no_block() {
    let text = "مواجهات حدودية بين أرمينيا وأذربيجان\nشارك\nروسيا تتوسط لوقف إطلاق النار بين البلدين\nعلاء بريك\nالثلاثاء 2022/09/13\n\
        يريفان - أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود مع أذربيجان صباح الثلاثاء.\n";
    let c = clean(text);
    assert_eq!(debris_of(text, &c), ["share: شارك"]);
    let kinds: Vec<&str> = c.paragraphs.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds, ["heading", "byline", "dateline", "dateline", "lede"]);
}

#[test]
fn a_headline_repeated_at_the_bottom_keeps_the_title() {
    let text = "داعش يباغت قوات النظام السوري بكمين قاتل\n\
        قتل 21 عنصرا من قوات النظام السوري والميليشيات الموالية له في كمين نصبه مسلحو التنظيم في محافظة السويداء.\n\
        وذكر المرصد السوري لحقوق الإنسان أن 21 عنصرا على الأقل قتلوا في الكمين ليل الاثنين.\n\
        داعش يباغت قوات النظام السوري بكمين قاتل\n";
    let c = clean(text);
    assert_eq!(
        c.title.as_ref().and_then(|t| t.span).map(|s| s.slice(text)),
        Some("داعش يباغت قوات النظام السوري بكمين قاتل")
    );
    assert_eq!(c.debris.len(), 1);
    assert!(c.debris[0].span.start() > 100, "the copy at the bottom is the debris");
}

#[test]
fn a_sentence_with_a_dash_is_not_a_dateline() {
    let text = "\nقال مصدر عسكري - إن القوات الحكومية استعادت السيطرة على البلدة بعد اشتباكات استمرت ساعات.\n\
        وأضاف المصدر أن العشرات من المسلحين قتلوا خلال المعارك التي دارت في محيط البلدة طوال الليل.\n";
    let c = clean(text);
    assert!(c.paragraphs.iter().all(|p| p.kind != ParagraphKind::Dateline), "{:?}", paragraphs_of(text, &c));
}

#[test]
fn a_title_needs_a_word() {
    let text = "!!!...،،؟\nقتل 21 عنصرا من قوات النظام في كمين نصبه مسلحو التنظيم في محافظة السويداء.\n";
    let c = clean(text);
    assert!(c.title.is_none());
    let text = "بقلم: علاء بريك\nقتل 21 عنصرا من قوات النظام في كمين نصبه مسلحو التنظيم في محافظة السويداء.\n";
    let c = clean(text);
    assert!(c.title.is_none());
    assert_eq!(c.paragraphs[0].kind, ParagraphKind::Byline);
}

#[test]
fn rule_files_with_out_of_range_parameters_are_refused() {
    let broken = RULES.replace("appended_min_run = 3", "appended_min_run = 0");
    assert!(matches!(Cleaner::from_toml(&broken), Err(RuleError::Invalid { field: "appended_min_run", .. })));
    let broken = RULES.replace("appended_keep_overlap = 0.5", "appended_keep_overlap = 1.5");
    assert!(matches!(Cleaner::from_toml(&broken), Err(RuleError::Invalid { .. })));
}

#[test]
fn inline_related_links_are_debris() {
    let text = "\nأعلن الاتحاد المصري لكرة القدم عن تعديل جدول مباريات الدوري الممتاز بسبب مشاركة المنتخب في البطولة.\n\
        قد يهمك أيضا: تركي آل الشيخ يعلن انسحابه من الاستثمار في الرياضة المصرية\n\
        وأوضح الاتحاد في بيان أن المباريات المؤجلة ستقام بعد انتهاء البطولة مباشرة في مواعيد تحدد لاحقا.\n";
    let c = clean(text);
    assert_eq!(c.debris.len(), 1);
    assert_eq!(c.debris[0].reason, DebrisReason::RelatedTeaser);
}
