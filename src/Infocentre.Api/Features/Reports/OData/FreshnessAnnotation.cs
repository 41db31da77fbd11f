using System.Collections;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// Writes the freshness of the data as an instance annotation of the collection,
/// <c>"@Infocentre.DataLastLoaded": "2026-11-28T12:00:00Z"</c>, next to <c>@odata.count</c>: BI tools that keep the
/// payload but not the headers still know when the data were last loaded (the header says the same).
/// </summary>
internal sealed class FreshnessResourceSetSerializer(IODataSerializerProvider provider) : ODataResourceSetSerializer(provider)
{
    public const string AnnotationName = "Infocentre.DataLastLoaded";

    /// <summary>HttpContext item where the controller leaves the domain's last load (a UTC DateTime).</summary>
    public const string Item = "infocentre.freshness";

    public override ODataResourceSet CreateResourceSet(IEnumerable resourceSet, IEdmCollectionTypeReference resourceSetType, ODataSerializerContext writeContext)
    {
        var set = base.CreateResourceSet(resourceSet, resourceSetType, writeContext);
        // Only the top-level collection of a request (not nested sets), and only when a load is known.
        if (writeContext?.NavigationSource is not null && writeContext.ExpandedResource is null
            && writeContext.Request?.HttpContext.Items[Item] is DateTime loaded)
        {
            set.InstanceAnnotations.Add(new ODataInstanceAnnotation(AnnotationName, new ODataPrimitiveValue(new DateTimeOffset(loaded, TimeSpan.Zero))));
        }

        return set;
    }
}
