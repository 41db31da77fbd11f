using Infocentre.Loading.Common;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Referentials;

/// <summary>Programmes: <c>Programme;Libellé;Mission;Ministère</c>.</summary>
public sealed class ProgrammeReferential : ReferentialExtract<Programme>
{
    public override string Name => "ref-programmes";

    public override string FirstColumn => "Programme";

    public override IReadOnlyList<string> Headers { get; } = ["Programme", "Libellé", "Mission", "Ministère"];

    protected override string CodeOf(Programme row) => row.Code;

    protected override Programme? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var code = line.Id<ProgrammeCode>(Col(c, "Programme"));
        var libelle = line.Text(Col(c, "Libellé"));
        var mission = line.Known(line.Text(Col(c, "Mission"), 2), Col(c, "Mission"), codes.Missions, "mission");
        var ministere = line.Known(line.Id<MinistereCode>(Col(c, "Ministère"))?.Value, Col(c, "Ministère"), codes.Ministeres, "ministère");
        return code is { } p && libelle is not null && mission is not null && ministere is not null
            ? new Programme { Code = p.Value, Numero = p.Number, Libelle = libelle, MissionCode = mission, MinistereCode = ministere }
            : null;
    }
}

/// <summary>Domaines fonctionnels: <c>Domaine fonctionnel;Libellé</c>; the programme and action come from the code.</summary>
public sealed class DomaineFonctionnelReferential : ReferentialExtract<DomaineFonctionnel>
{
    public override string Name => "ref-domaines-fonctionnels";

    public override string FirstColumn => "Domaine fonctionnel";

    public override IReadOnlyList<string> Headers { get; } = ["Domaine fonctionnel", "Libellé"];

    protected override string CodeOf(DomaineFonctionnel row) => row.Code;

    protected override DomaineFonctionnel? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var ordinal = Col(c, "Domaine fonctionnel");
        var code = line.Id<DomaineFonctionnelCode>(ordinal);
        var libelle = line.Text(Col(c, "Libellé"));
        var programme = line.Known(code?.ProgrammeCode.Value, ordinal, codes.Programmes.Keys.ToHashSet(StringComparer.Ordinal), "programme");
        return code is { } df && libelle is not null && programme is not null
            ? new DomaineFonctionnel { Code = df.Value, Libelle = libelle, ProgrammeCode = programme, ActionCode = df.ActionCode, EstSousAction = df.IsSousAction }
            : null;
    }
}

/// <summary>Centres financiers: <c>Centre financier;Libellé;Région</c>; programme and BOP come from the code.</summary>
public sealed class CentreFinancierReferential : ReferentialExtract<CentreFinancier>
{
    public override string Name => "ref-centres-financiers";

    public override string FirstColumn => "Centre financier";

    public override IReadOnlyList<string> Headers { get; } = ["Centre financier", "Libellé", "Région"];

    protected override string CodeOf(CentreFinancier row) => row.Code;

    protected override CentreFinancier? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var ordinal = Col(c, "Centre financier");
        var code = line.Id<CentreFinancierCode>(ordinal);
        var libelle = line.Text(Col(c, "Libellé"));
        var region = line.Text(Col(c, "Région"));
        var bop = line.Known(code?.BopCode, ordinal, codes.Bops, "BOP");
        return code is { } cf && libelle is not null && region is not null && bop is not null
            ? new CentreFinancier { Code = cf.Value, Libelle = libelle, ProgrammeCode = cf.ProgrammeCode.Value, BopCode = bop, Region = region }
            : null;
    }
}

/// <summary>Activités: <c>Référentiel de programmation;Libellé;Sens</c> (D or R); OS, OP, OB come from the code.</summary>
public sealed class ActiviteReferential : ReferentialExtract<Activite>
{
    public override string Name => "ref-activites";

    public override string FirstColumn => "Référentiel de programmation";

    public override IReadOnlyList<string> Headers { get; } = ["Référentiel de programmation", "Libellé", "Sens"];

    protected override string CodeOf(Activite row) => row.Code;

    protected override Activite? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var ordinal = Col(c, "Référentiel de programmation");
        var code = line.Id<ActiviteCode>(ordinal);
        var libelle = line.Text(Col(c, "Libellé"));
        var sens = line.Text(Col(c, "Sens"), 1);
        if (sens is not null and not ("D" or "R"))
        {
            line.Error(DataQualityRules.MalformedValue, Col(c, "Sens"), sens, "Sens must be D (dépense) or R (recette).");
        }

        var programme = line.Known(code?.ProgrammeCode.Value, ordinal, codes.Programmes.Keys.ToHashSet(StringComparer.Ordinal), "programme");
        return code is { } a && libelle is not null && sens is not null && programme is not null
            ? new Activite
            {
                Code = a.Value, Libelle = libelle, ProgrammeCode = programme, OperationStrategiqueCode = a.OsCode,
                OperationProgrammeeCode = a.OpCode, OperationBudgeteeCode = a.ObCode, Sens = sens,
            }
            : null;
    }
}

/// <summary>Centres de coûts: <c>Centre de coûts;Libellé;Ministère</c>; the département is the code's last 3 characters.</summary>
public sealed class CentreCoutsReferential : ReferentialExtract<CentreCouts>
{
    public override string Name => "ref-centres-couts";

    public override string FirstColumn => "Centre de coûts";

    public override IReadOnlyList<string> Headers { get; } = ["Centre de coûts", "Libellé", "Ministère"];

    protected override string CodeOf(CentreCouts row) => row.Code;

    protected override CentreCouts? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var code = line.Id<CentreCoutsCode>(Col(c, "Centre de coûts"));
        var libelle = line.Text(Col(c, "Libellé"));
        var ministere = line.Known(line.Id<MinistereCode>(Col(c, "Ministère"))?.Value, Col(c, "Ministère"), codes.Ministeres, "ministère");
        return code is { } cc && libelle is not null && ministere is not null
            ? new CentreCouts { Code = cc.Value, Libelle = libelle, MinistereCode = ministere, Departement = cc.Value[^3..] }
            : null;
    }
}
