using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary>Every event type has a German and an English label; every aggregate can be replayed as of a moment.</summary>
public class EventLabelTests
{
    public static TheoryData<string> DomainEventTypes() =>
        [.. typeof(IRecordedFact).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRecordedFact)))
            .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(DomainEventTypes))]
    public void Every_event_type_of_the_domain_has_a_label_in_German_and_English(string eventType)
    {
        var type = typeof(IRecordedFact).Assembly.GetType(eventType)!;

        EventLabels.Has(type).ShouldBeTrue($"{type.Name} has no label: add it to Application/Audit/EventLabels.cs");
        var label = EventLabels.For(type);
        label.De.ShouldNotBeNullOrWhiteSpace();
        label.En.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Labels_are_unambiguous()
    {
        var labels = EventLabels.Known.Select(EventLabels.For).ToList();

        labels.Select(l => l.De).ShouldBeUnique();
        labels.Select(l => l.En).ShouldBeUnique();
    }

    [Fact]
    public void An_external_experts_assignment_is_labelled_external_and_an_alliance_reviewers_is_not()
    {
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        EventLabels.Of(new ReviewerAssigned(Guid.NewGuid(), "erika", "Erika Expertin", "carla", at, External: true), typeof(ReviewerAssigned))
            .ShouldBe(new Label("Begutachtung zugewiesen (extern)", "Reviewer assigned (external)"));
        EventLabels.Of(new ReviewerAssigned(Guid.NewGuid(), "bruno", "Bruno Bündnisbüro", "carla", at), typeof(ReviewerAssigned))
            .ShouldBe(EventLabels.For(typeof(ReviewerAssigned)));
        EventLabels.Known.Select(EventLabels.For).ShouldNotContain(EventLabels.ExternalReviewerAssigned);
    }

    [Fact]
    public void An_unlabelled_type_shows_its_technical_name_rather_than_nothing() =>
        EventLabels.For(typeof(string)).ShouldBe(new Label("String", "String"));
}

public class EventStoreCoverageTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public void Every_event_type_the_event_store_knows_has_a_label()
    {
        var unlabelled = Store.Options.Events.AllKnownEventTypes()
            .Select(t => t.EventType)
            .Where(t => t.IsAssignableTo(typeof(IRecordedFact)) && !EventLabels.Has(t))
            .Select(t => t.Name)
            .ToList();

        unlabelled.ShouldBeEmpty();
    }

    [Fact]
    public void Every_event_type_of_the_domain_is_known_to_the_event_store()
    {
        var known = Store.Options.Events.AllKnownEventTypes().Select(t => t.EventType).ToHashSet();
        var facts = typeof(IRecordedFact).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRecordedFact)));

        facts.Where(t => !known.Contains(t)).Select(t => t.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_write_model_registered_with_the_event_store_can_be_replayed_as_of_a_moment()
    {
        var writeModels = Store.Options.Events.Projections()
            .Select(p => p.ImplementationType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(WriteModelProjection<>))
            .Select(t => t.GetGenericArguments()[0])
            .ToList();

        writeModels.ShouldNotBeEmpty();
        writeModels.ShouldBeSubsetOf(AuditedAggregates.All.Select(a => a.WriteModel));
        AuditedAggregates.All.Select(a => a.StartedBy).ShouldAllBe(t => EventLabels.Has(t));
    }
}
