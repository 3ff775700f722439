using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>A programme's versioned application form and an application's extra data over the API (ADR 0122).</summary>
public class ApplicationFormTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly IReadOnlyList<FormField> Fields =
    [
        new("betriebe", FormFieldKind.Number, true, new("Anzahl Ausbildungsbetriebe", "Number of training companies"), Min: 1, Max: 50),
        new("branche", FormFieldKind.Choice, false, new("Branche", "Sector"),
            Choices: [new("handwerk", new("Handwerk", "Crafts")), new("pflege", new("Pflege", "Care"))]),
        new("sachkosten", FormFieldKind.Money, false, new("Sachkosten", "Material costs")),
    ];

    private async Task<Guid> ProgrammeWithForm()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/application-form", new PublishApplicationForm(1, Fields));
        return programme;
    }

    private async Task<Guid> DraftWith(Guid programme, Dictionary<string, string?> extra) =>
        (await Post<StreamCreated>(Applicant, "/api/applications", new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan(), Extra: extra),
            201)).Id;

    private static string[] FieldCodes(ValidationProblemDetails problem, string field) =>
        ((JsonElement)problem.Extensions[Problems.FieldCodes]!).GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task A_programme_publishes_its_form_and_applications_keep_the_version_they_were_drafted_with()
    {
        var programme = await ProgrammeWithForm();
        var form = await Get<ApplicationForm>(Applicant, $"/api/programmes/{programme}/application-form");
        form.Version.ShouldBe(1);
        form.Fields.Select(f => f.Key).ShouldBe(["betriebe", "branche", "sachkosten"]);
        form.Fields[1].Choices!.Select(c => c.Label.En).ShouldBe(["Crafts", "Care"]);

        var application = await DraftWith(programme, new() { ["betriebe"] = "12", ["sachkosten"] = "1500" });
        (await Details(application)).Extra.ShouldBe(new ApplicationExtra(1, new Dictionary<string, string> { ["betriebe"] = "12", ["sachkosten"] = "1500.00" }),
            new ExtraComparer());

        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/application-form",
            new PublishApplicationForm(2, [.. Fields, new FormField("mentoren", FormFieldKind.Number, true, new("Mentorinnen und Mentoren"))]));
        (await Get<ApplicationForm>(Applicant, $"/api/programmes/{programme}/application-form")).Version.ShouldBe(2);
        (await Get<ApplicationForm>(Applicant, $"/api/programmes/{programme}/application-form?version=1")).Fields.Count.ShouldBe(3);
        (await ProblemOf(await GetExpecting(Applicant, $"/api/programmes/{programme}/application-form?version=9", 404)))
            .Type.ShouldBe("urn:fachwerk:problem:not-found");

        // Drafted on version 1: "mentoren" of version 2 is not asked for.
        var version = await Act(Applicant, application, "submission", new SubmitApplication(1));
        version = (await Put(application, new SetExtraData(version, new Dictionary<string, string?> { ["betriebe"] = "14", ["branche"] = "pflege" }))).Version;
        var details = await Details(application);
        details.Version.ShouldBe(version);
        details.Extra!.FormVersion.ShouldBe(1);
        details.Extra.Values["branche"].ShouldBe("pflege");
        details.Extra.Values.ContainsKey("sachkosten").ShouldBeFalse();
    }

    [Fact]
    public async Task Values_that_break_their_fields_answer_400_naming_each_extra_field_and_nothing_is_recorded()
    {
        var programme = await ProgrammeWithForm();
        var before = await EventCount();
        var problem = await ValidationProblemOf(await Send(Applicant, HttpMethod.Post, "/api/applications",
            new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan(),
                Extra: new Dictionary<string, string?> { ["betriebe"] = "80", ["branche"] = "bau", ["gibtsnicht"] = "x" }), 400));
        problem.Errors.Keys.ShouldBe(["extra.betriebe", "extra.branche", "extra.gibtsnicht"], ignoreOrder: true);
        FieldCodes(problem, "extra.betriebe").ShouldBe(["form.above-max"]);
        (await EventCount()).ShouldBe(before);

        var application = await DraftWith(programme, []);
        var refused = await ValidationProblemOf(await Send(Applicant, HttpMethod.Post, $"/api/applications/{application}/submission", new SubmitApplication(1), 400));
        refused.Errors.Keys.ShouldBe(["extra.betriebe"]);
        FieldCodes(refused, "extra.betriebe").ShouldBe(["form.required"]);
        (await Details(application)).Status.ShouldBe(ApplicationStatus.Draft);

        var version = (await Put(application, new SetExtraData(1, new Dictionary<string, string?> { ["betriebe"] = "3" }))).Version;
        await Act(Applicant, application, "submission", new SubmitApplication(version));
    }

    [Fact]
    public async Task Only_programme_staff_publish_a_form_and_a_definition_that_does_not_fit_is_refused()
    {
        var programme = await LaunchProgramme();
        await Send(Applicant, HttpMethod.Put, $"/api/programmes/{programme}/application-form", new PublishApplicationForm(1, Fields), 403);
        (await ProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/application-form",
            new PublishApplicationForm(1, [Fields[0], Fields[0]]), 409))).Type.ShouldBe("urn:fachwerk:problem:form.duplicate-key");
        var invalid = await ValidationProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/application-form",
            new PublishApplicationForm(1, [Fields[0] with { Key = "1 b" }]), 400));
        invalid.Errors.Keys.ShouldBe(["fields[0].key"]);
        (await ProblemOf(await GetExpecting(Applicant, $"/api/programmes/{programme}/application-form", 404)))
            .Type.ShouldBe("urn:fachwerk:problem:not-found");
        (await ProblemOf(await Send(Applicant, HttpMethod.Post, "/api/applications",
                new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan(), Extra: new Dictionary<string, string?> { ["betriebe"] = "3" }), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.no-form");
    }

    private async Task<CommandAccepted> Put(Guid application, SetExtraData command) =>
        await Read<CommandAccepted>(await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/extra-data", command));

    private sealed class ExtraComparer : IEqualityComparer<ApplicationExtra?>
    {
        public bool Equals(ApplicationExtra? x, ApplicationExtra? y) =>
            x is not null && y is not null && x.FormVersion == y.FormVersion && x.Values.OrderBy(v => v.Key).SequenceEqual(y.Values.OrderBy(v => v.Key));

        public int GetHashCode(ApplicationExtra? obj) => obj?.FormVersion ?? 0;
    }
}
