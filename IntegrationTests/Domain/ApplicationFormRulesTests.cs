using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>A programme's application form, versioned, and the extra data applications give on it (ADR 0122).</summary>
public class ApplicationFormRulesTests
{
    private static readonly IReadOnlyList<FormField> Fields =
    [
        new("betriebe", FormFieldKind.Number, true, new("Anzahl Ausbildungsbetriebe", "Number of training companies"), new("Mit Vertrag", "Under contract"),
            Min: 1, Max: 50),
        new("branche", FormFieldKind.Choice, false, new("Branche", "Sector"),
            Choices: [new("handwerk", new("Handwerk", "Crafts")), new("pflege", new("Pflege", "Care"))]),
        new("sachkosten", FormFieldKind.Money, false, new("Sachkosten"), Max: 10_000),
        new("start", FormFieldKind.Date, false, new("Erster Kurstag"), Earliest: new DateOnly(2026, 1, 1)),
        new("kooperation", FormFieldKind.YesNo, true, new("Kooperationsvertrag liegt vor")),
        new("konzept", FormFieldKind.Text, false, new("Kurzkonzept"), MaxLength: 20),
        new("satzung", FormFieldKind.Document, false, new("Satzung")),
    ];

    private static FundingProgramme WithForm(FundingProgramme programme, IReadOnlyList<FormField>? fields = null) =>
        FundingProgramme.Evolve(programme, ProgrammeDecider.PublishApplicationForm(programme, fields ?? Fields, Caseworker).Single());

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static IReadOnlyList<FieldError> FieldRefusal(Action decide) => Should.Throw<InvalidFields>(decide).Errors;

    [Fact]
    public void A_programme_publishes_versions_of_its_form_and_keeps_the_old_ones()
    {
        var programme = Programme();
        var first = ProgrammeDecider.PublishApplicationForm(programme, Fields, Caseworker).Single().ShouldBeOfType<ApplicationFormPublished>();
        first.Version.ShouldBe(1);
        programme = FundingProgramme.Evolve(programme, first);
        ProgrammeDecider.PublishApplicationForm(programme, Fields, Caseworker).ShouldBeEmpty();

        var second = ProgrammeDecider.PublishApplicationForm(programme, [.. Fields.Take(2), new FormField(" neu ", FormFieldKind.Text, false, new(" Neu ", " "))],
            Caseworker).Single().ShouldBeOfType<ApplicationFormPublished>();
        second.Version.ShouldBe(2);
        second.Fields[^1].ShouldBe(new FormField("neu", FormFieldKind.Text, false, new("Neu")));
        programme = FundingProgramme.Evolve(programme, second);
        programme.CurrentForm!.Version.ShouldBe(2);
        programme.Form(1)!.Fields.Count.ShouldBe(Fields.Count);
    }

    [Fact]
    public void A_form_definition_with_duplicate_keys_or_limits_that_do_not_fit_is_refused()
    {
        var programme = Programme();
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[0], Fields[0] with { Key = "BETRIEBE" }], Caseworker))
            .Code.ShouldBe("form.duplicate-key");
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[0] with { Key = "1a b" }], Caseworker)).Code.ShouldBe("form.invalid-key");
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[0] with { Min = 5, Max = 1 }], Caseworker)).Code.ShouldBe("form.invalid-limit");
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[5] with { Min = 1 }], Caseworker)).Code.ShouldBe("form.invalid-limit");
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[1] with { Choices = [new("a", new("A"))] }], Caseworker))
            .Code.ShouldBe("form.too-few-choices");
        Given.Refusal(() => ProgrammeDecider.PublishApplicationForm(programme, [Fields[0] with { Label = new(" ", "Companies") }], Caseworker))
            .Code.ShouldBe("form.unlabelled-field");
    }

    [Fact]
    public void A_draft_keeps_the_form_version_of_its_day_and_its_values_in_the_invariant_format()
    {
        var programme = WithForm(Programme());
        var drafted = ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, Alliance(true), "Halle (Saale)", Plan(), Applicant,
            Values(("betriebe", " 12.50 "), ("sachkosten", "1500"), ("kooperation", "True"), ("konzept", " "), ("start", "2026-09-01")));

        drafted.Extra!.FormVersion.ShouldBe(1);
        drafted.Extra.Values.ShouldBe(new Dictionary<string, string>
        {
            ["betriebe"] = "12.5", ["kooperation"] = "true", ["sachkosten"] = "1500.00", ["start"] = "2026-09-01",
        }, ignoreOrder: true);
        Given.History<FundingApplication>(drafted).Extra.ShouldBe(drafted.Extra);
    }

    [Fact]
    public void Values_that_break_their_field_are_refused_field_by_field_and_nothing_is_recorded()
    {
        var programme = WithForm(Programme());
        var errors = FieldRefusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, Alliance(true), "Halle (Saale)", Plan(), Applicant,
            Values(("betriebe", "51"), ("branche", "bau"), ("sachkosten", "10.001"), ("start", "1.9.2026"), ("kooperation", "ja"),
                ("konzept", new string('x', 21)), ("satzung", "keine"), ("unbekannt", "x"))));

        errors.Select(e => (e.Field, e.Code)).ShouldBe(
        [
            ("extra.betriebe", "form.above-max"), ("extra.branche", "form.unknown-choice"), ("extra.sachkosten", "form.not-money"),
            ("extra.start", "form.not-a-date"), ("extra.kooperation", "form.not-yes-no"), ("extra.konzept", "form.too-long"),
            ("extra.satzung", "form.not-a-document"), ("extra.unbekannt", "form.unknown-field"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_document_field_names_a_document_uploaded_to_the_application()
    {
        var programme = WithForm(Programme());
        var draft = Given.History<FundingApplication>(ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, Alliance(true), "Halle (Saale)", Plan(),
            Applicant, Values()));
        var document = Guid.NewGuid();

        FieldRefusal(() => ExtraDataDecider.Set(draft, programme, Values(("satzung", document.ToString())), Applicant))
            .Select(e => (e.Field, e.Code)).ShouldBe([("extra.satzung", "form.unknown-document")]);

        draft = FundingApplication.Evolve(draft, new DocumentAttached(AppId, document, "Satzung.pdf", "application/pdf", 100, new string('a', 64),
            DocumentKind.Statutes, null, Applicant.By, Now));
        draft.Documents.ShouldBe([document]);
        ExtraDataDecider.Set(draft, programme, Values(("satzung", document.ToString().ToUpperInvariant())), Applicant).Single()
            .ShouldBeOfType<ApplicationExtraDataSet>().Values["satzung"].ShouldBe(document.ToString("D"));
    }

    [Fact]
    public void A_draft_may_leave_required_fields_empty_but_is_submitted_only_with_them()
    {
        var programme = WithForm(Programme());
        var alliance = Alliance(true);
        var draft = Given.History<FundingApplication>(ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, alliance, "Halle (Saale)", Plan(),
            Applicant, Values(("betriebe", "3"))));
        var submittedOn = AuthorityCalendar.DayOf(Now);

        FieldRefusal(() => ApplicationDecider.Submit(draft, programme, alliance, submittedOn, Applicant))
            .ShouldBe([new FieldError("extra.kooperation", "form.required", "'Kooperationsvertrag liegt vor' is required.")]);

        var set = ExtraDataDecider.Set(draft, programme, Values(("betriebe", "3"), ("kooperation", "false")), Applicant).Single()
            .ShouldBeOfType<ApplicationExtraDataSet>();
        draft = FundingApplication.Evolve(draft, set);
        ExtraDataDecider.Set(draft, programme, Values(("betriebe", "3.0"), ("kooperation", "FALSE")), Applicant).ShouldBeEmpty();
        ApplicationDecider.Submit(draft, programme, alliance, submittedOn, Applicant).ShouldBeOfType<ApplicationSubmitted>();
    }

    [Fact]
    public void A_later_form_version_never_invalidates_an_application_drafted_on_an_earlier_one()
    {
        var programme = WithForm(Programme());
        var alliance = Alliance(true);
        var draft = Given.History<FundingApplication>(ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, alliance, "Halle (Saale)", Plan(),
            Applicant, Values(("betriebe", "3"), ("kooperation", "true"))));
        var submitted = FundingApplication.Evolve(draft, ApplicationDecider.Submit(draft, programme, alliance, AuthorityCalendar.DayOf(Now), Applicant));

        // Version 2 asks for a new required field and no longer has "kooperation".
        programme = WithForm(programme, [Fields[0], new FormField("mentoren", FormFieldKind.Number, true, new("Mentorinnen und Mentoren"))]);
        programme.CurrentForm!.Version.ShouldBe(2);

        ExtraDataDecider.EnsureComplete(submitted, programme);
        var changed = ExtraDataDecider.Set(submitted, programme, Values(("betriebe", "4"), ("kooperation", "true")), Applicant).Single()
            .ShouldBeOfType<ApplicationExtraDataSet>();
        changed.FormVersion.ShouldBe(1);
        FieldRefusal(() => ExtraDataDecider.Set(submitted, programme, Values(("betriebe", "4")), Applicant))
            .Single().Code.ShouldBe("form.required");

        ApplicationDecider.Draft(Guid.NewGuid(), HausSteinstrasse, programme, alliance, "Halle (Saale)", Plan(), Applicant).Extra!.FormVersion.ShouldBe(2);
    }

    [Fact]
    public void Extra_data_is_set_by_the_applicant_only_and_only_until_the_application_is_formally_complete()
    {
        var programme = WithForm(Programme());
        var alliance = Alliance(true);
        var draft = Given.History<FundingApplication>(ApplicationDecider.Draft(AppId, HausSteinstrasse, programme, alliance, "Halle (Saale)", Plan(),
            Applicant, Values(("betriebe", "3"), ("kooperation", "true"))));
        var complete = Given.History<FundingApplication>(Drafted(alliance, programme) with { Extra = draft.Extra }, Submitted(), Completed);

        Given.Refusal(() => ExtraDataDecider.Set(complete, programme, Values(("betriebe", "4")), Applicant)).Code.ShouldBe("application.illegal-transition");
        var withoutForm = Given.History<FundingApplication>(Drafted(alliance, Programme()));
        Given.Refusal(() => ExtraDataDecider.Set(withoutForm, programme, Values(("betriebe", "4")), Applicant)).Code.ShouldBe("application.no-form");
        Given.Refusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, Programme(), alliance, "Halle (Saale)", Plan(), Applicant,
            Values(("betriebe", "4")))).Code.ShouldBe("application.no-form");
    }
}
