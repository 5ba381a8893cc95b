//! Returning workers' registration: validation of whole forms (every failing field at once, stable codes) and
//! storing them in a real encrypted store, where an invalid form must change nothing.

use chrono::NaiveDate;
use proptest::prelude::*;
use vieclam_core::registration::{self, IdKind, RegistrationForm, Sex, Want, validate, validate_field};
use vieclam_core::{DbKey, Error, FieldError, Lang, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

/// A complete, valid form as a screen would send it: a man born in 1990 in Lạng Sơn, back from Korea.
fn form() -> RegistrationForm {
    RegistrationForm {
        full_name: "  Hoàng   Văn Minh ".into(),
        id_number: "020 090 001 234".into(),
        birth_date: "15/04/1990".into(),
        sex: "Nam".into(),
        phone: "0912 345 678".into(),
        commune_code: "06040".into(),
        address: "Thôn Nà Pàn".into(),
        country_abroad: Some("Hàn Quốc".into()),
        years_abroad: Some("3".into()),
        occupation: "Công nhân nhà máy".into(),
        skills: vec!["Hàn điện".into(), " hàn  điện ".into(), "".into(), "Lái xe nâng".into()],
        languages: vec!["Tiếng Hàn".into()],
        certificates: vec![],
        wants: vec!["work_abroad".into(), "domestic_job".into()],
        consent: true,
    }
}

fn codes(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.code.as_str()).collect()
}

fn codes_of(form: &RegistrationForm) -> Vec<String> {
    match validate(form, today()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.code).collect(),
    }
}

#[test]
fn a_valid_form_comes_back_cleaned_and_normalised() {
    let v = validate(&form(), today()).unwrap();
    assert_eq!(v.full_name, "Hoàng Văn Minh");
    assert_eq!((v.id_kind, v.id_number.as_str()), (IdKind::Cccd, "020090001234"));
    assert_eq!(v.birth_date, NaiveDate::from_ymd_opt(1990, 4, 15).unwrap());
    assert_eq!(v.sex, Sex::Male);
    assert_eq!(v.phone, "0912345678");
    assert_eq!(v.commune_code, "06040");
    assert_eq!((v.country_abroad.as_deref(), v.years_abroad), (Some("Hàn Quốc"), Some(3)));
    assert_eq!(v.skills, vec!["Hàn điện", "Lái xe nâng"], "blanks and repeats dropped");
    assert_eq!(v.wants, vec![Want::DomesticJob, Want::WorkAbroad], "in the screen's order");
}

#[test]
fn cccd_agrees_with_birth_date_and_sex_for_every_century_digit() {
    let cases = [
        ("001 0 85 123456", "01/01/1985", "male"),
        ("020 1 85 123456", "31/12/1985", "female"),
        ("079 2 05 123456", "2005-06-30", "male"),
        ("096 3 08 123456", "2008-01-15", "Nữ"),
    ];
    for (id, birth, sex) in cases {
        let f = RegistrationForm { id_number: id.into(), birth_date: birth.into(), sex: sex.into(), ..form() };
        let v = validate(&f, today()).unwrap_or_else(|e| panic!("{id}: {:?}", codes(&e)));
        assert_eq!(v.id_kind, IdKind::Cccd);
    }
}

#[test]
fn cccd_that_disagrees_is_flagged_on_the_id_number() {
    let wrong_year = RegistrationForm { birth_date: "15/04/1991".into(), ..form() };
    assert_eq!(codes_of(&wrong_year), ["id_number.birth_year_mismatch"]);
    // G = 2 means born in the 2000s: 020 2 90 … is 2090, not 1990.
    let wrong_century = RegistrationForm { id_number: "020290001234".into(), ..form() };
    assert_eq!(codes_of(&wrong_century), ["id_number.birth_year_mismatch"]);
    let wrong_sex = RegistrationForm { sex: "female".into(), ..form() };
    assert_eq!(codes_of(&wrong_sex), ["id_number.sex_mismatch"]);
    let both = RegistrationForm { sex: "Nữ".into(), birth_date: "1989-04-15".into(), ..form() };
    assert_eq!(codes_of(&both), ["id_number.birth_year_mismatch", "id_number.sex_mismatch"]);
}

#[test]
fn unknown_province_and_malformed_numbers() {
    let f = RegistrationForm { id_number: "003090001234".into(), ..form() };
    assert_eq!(codes_of(&f), ["id_number.province_unknown"]);
    for bad in ["02009000123A", "02009000123", "0200900012345", "020-090-001-234"] {
        let f = RegistrationForm { id_number: bad.into(), ..form() };
        assert_eq!(codes_of(&f), ["id_number.format"], "{bad}");
    }
}

#[test]
fn cmnd_of_nine_digits_is_accepted_and_ten_is_not() {
    let cmnd = RegistrationForm { id_number: "082.123.456".into(), ..form() };
    let v = validate(&cmnd, today()).unwrap();
    assert_eq!((v.id_kind, v.id_number.as_str()), (IdKind::Cmnd, "082123456"));
    let ten = RegistrationForm { id_number: "0821234567".into(), ..form() };
    assert_eq!(codes_of(&ten), ["id_number.format"]);
}

#[test]
fn phone_forms_normalise_and_bad_prefixes_are_named() {
    for typed in ["0912 345 678", "+84 912 345 678", "84912345678"] {
        let v = validate(&RegistrationForm { phone: typed.into(), ..form() }, today()).unwrap();
        assert_eq!(v.phone, "0912345678", "{typed}");
    }
    assert_eq!(codes_of(&RegistrationForm { phone: "0112345678".into(), ..form() }), ["phone.prefix_unknown"]);
    assert_eq!(codes_of(&RegistrationForm { phone: "0912 34S 678".into(), ..form() }), ["phone.format"]);
}

#[test]
fn an_empty_form_reports_every_required_field_at_once() {
    let errors = validate(&RegistrationForm::default(), today()).unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            "full_name.required",
            "birth_date.required",
            "sex.required",
            "id_number.required",
            "phone.required",
            "commune_code.required",
            "address.required",
            "occupation.required",
            "wants.required",
            "consent.required",
        ]
    );
    for e in &errors {
        assert!(e.code.starts_with(&format!("{}.", e.field)), "{} under {}", e.code, e.field);
        assert!(!e.message.get(Lang::Vi).is_empty() && !e.message.get(Lang::En).is_empty());
        assert_ne!(e.message.vi, e.message.en, "{} has a Vietnamese text of its own", e.code);
    }
}

#[test]
fn birth_date_rules() {
    let with =
        |birth: &str| codes_of(&RegistrationForm { birth_date: birth.into(), id_number: "082123456".into(), ..form() });
    assert_eq!(with("31/02/1990"), ["birth_date.format"]);
    assert_eq!(with("1990/04/15"), ["birth_date.format"]);
    assert_eq!(with("02/03/2026"), ["birth_date.future"]);
    // Fifteen today is old enough; fifteen tomorrow is not.
    assert_eq!(with("01/03/2011"), Vec::<String>::new());
    assert_eq!(with("02/03/2011"), ["birth_date.too_young"]);
}

#[test]
fn other_fields_have_their_own_codes() {
    let f = RegistrationForm {
        full_name: "Nguyễn Văn 2".into(),
        commune_code: "99999".into(),
        years_abroad: Some("ba".into()),
        wants: vec!["loan".into()],
        consent: false,
        ..form()
    };
    assert_eq!(
        codes_of(&f),
        ["full_name.format", "commune_code.unknown", "years_abroad.format", "wants.unknown", "consent.required"]
    );
    let too_many_years = RegistrationForm { years_abroad: Some("51".into()), ..form() };
    assert_eq!(codes_of(&too_many_years), ["years_abroad.range"]);
    let no_country = RegistrationForm { country_abroad: Some("  ".into()), ..form() };
    assert_eq!(codes_of(&no_country), ["country_abroad.required"]);
    let never_abroad = RegistrationForm { country_abroad: None, years_abroad: None, ..form() };
    assert_eq!(codes_of(&never_abroad), Vec::<String>::new());
    let long_list = RegistrationForm { skills: (0..21).map(|i| format!("Kỹ năng {i}")).collect(), ..form() };
    assert_eq!(codes_of(&long_list), ["skills.too_long"]);
}

#[test]
fn one_field_at_a_time_as_the_person_types() {
    let typing =
        RegistrationForm { phone: "0112".into(), birth_date: "15/04/1991".into(), ..RegistrationForm::default() };
    assert_eq!(codes(&validate_field("phone", &typing, today())), ["phone.format"]);
    assert_eq!(codes(&validate_field("birth_date", &typing, today())), Vec::<&str>::new());
    let typing = RegistrationForm { id_number: "020090001234".into(), ..typing };
    assert_eq!(codes(&validate_field("id_number", &typing, today())), ["id_number.birth_year_mismatch"]);
    assert!(validate_field("phone", &form(), today()).is_empty());
    assert!(validate_field("no_such_field", &RegistrationForm::default(), today()).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The fuzz-friendly entry: no string in any field makes validation panic, and every error names a real field.
    #[test]
    fn validate_never_panics(
        texts in prop::collection::vec(any::<String>(), 9),
        country in any::<Option<String>>(),
        years in any::<Option<String>>(),
        lists in prop::collection::vec(prop::collection::vec(any::<String>(), 0..4), 4),
        consent in any::<bool>(),
        date in (-300_000i32..300_000, 0u32..400),
    ) {
        let f = RegistrationForm {
            full_name: texts[0].clone(),
            id_number: texts[1].clone(),
            birth_date: texts[2].clone(),
            sex: texts[3].clone(),
            phone: texts[4].clone(),
            commune_code: texts[5].clone(),
            address: texts[6].clone(),
            country_abroad: country,
            years_abroad: years,
            occupation: texts[7].clone(),
            skills: lists[0].clone(),
            languages: lists[1].clone(),
            certificates: lists[2].clone(),
            wants: lists[3].clone(),
            consent,
        };
        let today = NaiveDate::from_yo_opt(date.0 % 9000, date.1 % 365 + 1).unwrap_or(today());
        if let Err(errors) = validate(&f, today) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| registration::FIELDS.contains(&e.field.as_str())));
        }
    }

    /// Valid forms stay valid with any CCCD in any listed province whose year and sex match.
    #[test]
    fn any_consistent_cccd_is_accepted(p in 0usize..63, g in 0u8..4, yy in 0u8..100, serial in 0u32..1_000_000) {
        let year = 1900 + 100 * i32::from(g / 2) + i32::from(yy);
        prop_assume!(year <= 2011);
        let f = RegistrationForm {
            id_number: format!("{}{g}{yy:02}{serial:06}", registration::province::PROVINCES[p].0),
            birth_date: format!("01/01/{year}"),
            sex: if g % 2 == 0 { "male" } else { "female" }.into(),
            years_abroad: None,
            ..form()
        };
        prop_assert_eq!(codes_of(&f), Vec::<String>::new());
    }
}

// ---- storing -------------------------------------------------------------------------------------------------------

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(dir.path().join("t.db"), &DbKey::Raw([7u8; 32])).unwrap()
}

/// Every row of `table` with every column rendered, so a test can prove nothing changed.
fn dump(store: &Store, table: &str) -> Vec<Vec<String>> {
    let mut stmt = store.raw_connection_for_tests().prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get_ref(i).map(|v| format!("{v:?}"))).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn meta_hlc(store: &Store) -> Option<String> {
    store.raw_connection_for_tests().query_row("SELECT value FROM meta WHERE key = 'hlc'", [], |r| r.get(0)).ok()
}

#[test]
fn an_invalid_form_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    registration::submit(&mut store, &form(), today()).unwrap();
    let before = (dump(&store, "worker_registrations"), dump(&store, "outbox"), meta_hlc(&store));
    let bad = RegistrationForm { id_number: "040190001235".into(), phone: "0112345678".into(), ..form() };
    let Err(Error::Invalid(errors)) = registration::submit(&mut store, &bad, today()) else {
        panic!("an invalid form must be refused");
    };
    assert_eq!(codes(&errors), ["id_number.sex_mismatch", "phone.prefix_unknown"]);
    let after = (dump(&store, "worker_registrations"), dump(&store, "outbox"), meta_hlc(&store));
    assert_eq!(before, after);
}

#[test]
fn a_valid_form_adds_one_row_and_one_outbox_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let typed = RegistrationForm { phone: "+84 912 345 678".into(), ..form() };
    let id = registration::submit(&mut store, &typed, today()).unwrap();
    assert!(vieclam_core::ids::is_id(&id));
    assert_eq!(dump(&store, "worker_registrations").len(), 1);

    let outbox = store.pending_outbox().unwrap();
    assert_eq!(outbox.len(), 1);
    let entry = &outbox[0];
    assert_eq!(
        (entry.entity.as_str(), entry.entity_id.as_str(), entry.op.as_str()),
        ("worker_registration", id.as_str(), "insert")
    );
    let payload: serde_json::Value = serde_json::from_str(&entry.payload).unwrap();
    assert_eq!(payload["phone"], "0912345678");
    assert_eq!(payload["id_number"], "020090001234");
    assert_eq!(payload["birth_date"], "1990-04-15");
    assert_eq!(payload["wants"], serde_json::json!(["domestic_job", "work_abroad"]));
    assert_eq!(payload["commune_list"], "2025");
    assert_eq!(payload["hlc"], entry.hlc.as_str());

    let record = registration::registration(&store, &id).unwrap();
    assert_eq!(record.phone, "0912345678");
    assert_eq!(record.hlc, entry.hlc);
    assert_eq!(serde_json::to_value(&record).unwrap(), payload, "the stored row reads back as what was sent");
}

#[test]
fn the_same_id_number_cannot_register_twice_on_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    registration::submit(&mut store, &form(), today()).unwrap();
    // Typed differently, the same number.
    let again = RegistrationForm { id_number: "020.090.001.234".into(), ..form() };
    let Err(Error::Invalid(errors)) = registration::submit(&mut store, &again, today()) else { panic!("duplicate") };
    assert_eq!(codes(&errors), ["id_number.duplicate"]);
    // A duplicate is reported together with the form's other failures.
    let again = RegistrationForm { consent: false, ..again };
    let Err(Error::Invalid(errors)) = registration::submit(&mut store, &again, today()) else { panic!("duplicate") };
    assert_eq!(codes(&errors), ["consent.required", "id_number.duplicate"]);
    assert_eq!(store.pending_outbox().unwrap().len(), 1);
}

#[test]
fn registrations_are_listed_newest_first_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let first = registration::submit(&mut store, &form(), today()).unwrap();
    let woman = RegistrationForm {
        full_name: "Lương Thị Hoa".into(),
        id_number: "020 3 02 000777".into(),
        birth_date: "2002-09-09".into(),
        sex: "female".into(),
        phone: "84 387 654 321".into(),
        country_abroad: None,
        years_abroad: None,
        wants: vec!["training".into()],
        ..form()
    };
    let second = registration::submit(&mut store, &woman, today()).unwrap();
    drop(store);

    let store = open(&dir);
    let all = registration::list(&store).unwrap();
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [second.as_str(), first.as_str()]);
    let hoa = &all[0];
    assert_eq!((hoa.sex, hoa.phone.as_str(), hoa.country_abroad.as_deref()), (Sex::Female, "0387654321", None));
    assert_eq!(hoa.wants, vec![Want::Training]);
    assert_eq!(hoa.status.as_str(), "unverified");
    assert!(all[0].hlc > all[1].hlc, "the clock moves forward");

    match registration::registration(&store, "0190c0de-0000-7000-8000-000000000000") {
        Err(Error::NotFound { entity, .. }) => assert_eq!(entity, "worker_registration"),
        other => panic!("expected NotFound, got {other:?}"),
    }
}
