using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Routing.Conventions;
using Microsoft.AspNetCore.OData.Routing.Template;
using Microsoft.OData.Edm;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// Routes GET on every entity set of the model (each report and each self-service source) to the one generic
/// action <see cref="ReportSetsController.Get"/>: reports are data, not controllers.
/// </summary>
internal sealed class ReportEntitySetConvention : IODataControllerActionConvention
{
    public int Order => 0;

    public bool AppliesToController(ODataControllerActionContext context) =>
        context.Controller.ControllerType == typeof(ReportSetsController);

    public bool AppliesToAction(ODataControllerActionContext context)
    {
        if (context.Action.ActionName != nameof(ReportSetsController.Get))
        {
            return false;
        }

        foreach (var entitySet in context.Model.EntityContainer.EntitySets())
        {
            context.Action.AddSelector("Get", context.Prefix, context.Model, new ODataPathTemplate(new EntitySetSegmentTemplate(entitySet)));
        }

        return true;
    }
}
