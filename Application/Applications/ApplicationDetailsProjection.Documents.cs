using Fachwerk.Domain.Applications;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>The documents of an application and the uploads that answer its document requests' items.</summary>
public sealed partial class ApplicationDetailsProjection
{
    public static ApplicationDetails Apply(IEvent<DocumentAttached> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Documents =
            [
                .. a.Documents,
                new AttachedDocumentRecord(e.Data.DocumentId, e.Data.FileName, e.Data.MediaType, e.Data.Size, e.Data.Sha256, e.Data.Kind,
                    e.Data.Answers, e.Data.RecordedBy, e.Timestamp),
            ],
            DecisionVersions = e.Data.Kind == DocumentKind.ChangeNotice ? WithChangeNotice(a, e.Data.DocumentId) : a.DecisionVersions,
            DocumentRequests = e.Data.Answers is not { } item
                ? a.DocumentRequests
                :
                [
                    .. a.DocumentRequests.Select(r => r.Number != item.RequestNumber
                        ? r
                        : r with
                        {
                            Answers = r.Answers.Where(x => x.Item != item.Item)
                                .Append(new RequestItemAnswer(item.Item, e.Data.DocumentId, e.Data.FileName))
                                .OrderBy(x => x.Item).ToList(),
                        }),
                ],
        };
}
