using Fachwerk.Application.Privacy;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>A point of the held activity's programme: a talk, a workshop, the moderation, a panel.</summary>
/// <param name="Kind">Talk, workshop, moderation or panel.</param>
/// <param name="Slot">When it ran, counted from 1; points with the same slot ran in parallel (e.g. three parallel workshops).</param>
/// <param name="Title">Its title or topic.</param>
/// <param name="Speaker">The speaker, moderator or workshop lead: sealed with their own key, erasable.</param>
/// <param name="SpeakerOrganisation">The organisation the speaker came from.</param>
public sealed record ProgrammePoint(ProgrammeItemKind Kind, int Slot, string Title, PersonalDetails? Speaker = null, string? SpeakerOrganisation = null);

/// <summary>
/// Records that the activity was held: on which days (within its plan), who came (by group; walk-ins are those who came
/// without registering), which organisations were present, the contacts and placements made, and its programme with the
/// speakers. Attendance cannot exceed the confirmed registrations plus the walk-ins. Takes no free-text reason.
/// </summary>
/// <param name="Held">The days it was held (within the planned days).</param>
/// <param name="Attendance">How many came, by group.</param>
/// <param name="WalkIns">How many of them came without registering.</param>
/// <param name="OrganisationsPresent">The organisations that were present (companies, schools, authorities, ...).</param>
/// <param name="ContactsMade">Contacts made between job seekers and employers.</param>
/// <param name="Placements">Placements (jobs, apprenticeships, internships) that came of it.</param>
/// <param name="Programme">Its talks, workshops, moderation and panels.</param>
public sealed record RecordActivityHeld(
    long ExpectedVersion,
    Period Held,
    IReadOnlyDictionary<AttendeeGroup, int> Attendance,
    int WalkIns = 0,
    IReadOnlyList<string>? OrganisationsPresent = null,
    int ContactsMade = 0,
    int Placements = 0,
    IReadOnlyList<ProgrammePoint>? Programme = null) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class RecordActivityHeldValidator : AbstractValidator<RecordActivityHeld>
{
    public const int MaxCount = 1_000_000;

    public RecordActivityHeldValidator()
    {
        this.ExpectedVersionRule();
        this.PeriodRules(x => x.Held);
        RuleFor(x => x.Attendance).NotEmpty().WithMessage("Say who came, by group.")
            .Must(a => a.Count <= Enum.GetValues<AttendeeGroup>().Length);
        RuleForEach(x => x.Attendance).Must(a => Enum.IsDefined(a.Key) && a.Value is >= 0 and <= MaxCount)
            .WithMessage($"Attendance is counted per group, 0 to {MaxCount}.");
        RuleFor(x => x.WalkIns).InclusiveBetween(0, MaxCount);
        RuleFor(x => x.ContactsMade).InclusiveBetween(0, MaxCount);
        RuleFor(x => x.Placements).InclusiveBetween(0, MaxCount);
        RuleFor(x => x.OrganisationsPresent!).ShortList().When(x => x.OrganisationsPresent is not null);
        RuleForEach(x => x.OrganisationsPresent).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Programme!).ShortList().When(x => x.Programme is not null);
        RuleForEach(x => x.Programme).NotNull().ChildRules(point =>
        {
            point.RuleFor(p => p.Kind).IsInEnum();
            point.RuleFor(p => p.Slot).InclusiveBetween(1, NetworkValidation.MaxListLength);
            point.RuleFor(p => p.Title).NotEmpty().MaximumLength(CommonRules.ReasonLength);
            point.RuleFor(p => p.Speaker!).SetValidator(new PersonalDetailsValidator()).When(p => p.Speaker is not null);
            point.RuleFor(p => p.SpeakerOrganisation).OptionalName();
        });
    }
}

public static class RecordActivityHeldEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>
    /// Records that a planned activity was held: attendance by group, walk-ins, organisations present, contacts, placements and
    /// the programme; speakers' personal data are sealed before they are stored. Answers the activity's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/holding")]
    public static (CommandAccepted, Events) Post(
        RecordActivityHeld command, [WriteAggregate] Activity activity, IDocumentSession session, PersonalDataVault vault, ClaimsPrincipal user, TimeProvider clock)
    {
        var programme = (command.Programme ?? []).Select(point =>
        {
            var itemId = Guid.CreateVersion7();
            var speaker = point.Speaker is null ? null : NetworkPeople.Seal(vault, session, Guid.CreateVersion7(), point.Speaker);
            return new ProgrammeContribution(itemId, point.Kind, point.Slot, point.Title, point.SpeakerOrganisation, speaker);
        }).ToList();
        Events events =
        [
            .. ActivityDecider.Hold(activity, new ActivityOutcome(command.Held, command.Attendance, command.WalkIns, command.OrganisationsPresent ?? [],
                command.ContactsMade, command.Placements, programme), user.Stamp(clock)),
        ];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
