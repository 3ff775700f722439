using Fachwerk.Application.Applications;
using Fachwerk.Domain.Programmes;
using Marten;

namespace Fachwerk.Application.Audit;

/// <summary>One extra field of the application's form version and the value the application gives (none when left empty).</summary>
public sealed record ExtraDataLine(string Key, FormFieldKind Kind, bool Required, Label Label, string? Value);

/// <summary>The application's extra data for the case file (ADR 0122): the form version it keeps, every field of it, and the values.</summary>
public sealed record ExtraDataSection(int FormVersion, DateTimeOffset? FormPublishedAt, IReadOnlyList<ExtraDataLine> Fields);

public sealed class ExtraDataCaseFileSection : ICaseFileSection
{
    public string Key => "extra-data";

    public Label Title { get; } = new("Zusatzangaben nach dem Antragsformular des Programms", "Extra data of the programme's application form");

    public async Task<object?> BuildAsync(Guid applicationId, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ApplicationDetails>(applicationId, cancellation) is not { Extra: { } extra } application) return null;
        var programme = await session.LoadAsync<FundingProgramme>(application.Programme.Id, cancellation);
        var form = programme?.Form(extra.FormVersion);
        var fields = form?.Fields.Select(f => new ExtraDataLine(f.Key, f.Kind, f.Required, new Label(f.Label.De, f.Label.In("en")),
                         extra.Values.GetValueOrDefault(f.Key))).ToList()
                     ?? [.. extra.Values.Select(v => new ExtraDataLine(v.Key, FormFieldKind.Text, false, new Label(v.Key, v.Key), v.Value))];
        return new ExtraDataSection(extra.FormVersion, form?.PublishedAt, fields);
    }
}
