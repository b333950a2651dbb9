namespace Xuncha.Core.Features.Audit;

/// <summary>
/// The Chinese names the audit log is written in: one per entity type of the EF model (keyed by its
/// CLR type name, which is also what entries written before these labels stored), one per property
/// name with per-entity overrides where a name means something else, plus the subjects of entries
/// that are not entity changes (exports, protected views). A test walks the model so that no entity
/// type or property can be added without a label here.
/// </summary>
public static partial class AuditLabels
{
    private static Dictionary<string, string>? allProperties;

    /// <summary>Subjects of entries that are not entity changes.</summary>
    private static readonly Dictionary<string, string> Subjects = new()
    {
        ["file"] = "导出文件",
        ["petition-reporter"] = "信访举报人信息",
        ["public-reporter"] = "群众反映人信息",
        ["clue"] = "问题线索内容",
    };

    /// <summary>The Chinese name of an entity type or audit subject; a name already in Chinese (or unknown) is returned as it is.</summary>
    public static string Entity(string name) =>
        Entities.GetValueOrDefault(name) ?? Subjects.GetValueOrDefault(name) ?? name;

    public static string Entity(Type type) => Entity(type.Name);

    /// <summary>The Chinese name of a property of an entity type (by CLR type name); unknown properties keep their code name.</summary>
    public static string Property(string entity, string property) =>
        Overrides.GetValueOrDefault($"{entity}.{property}") ?? AllProperties.GetValueOrDefault(property) ?? property;

    /// <summary>Whether the entity type has its own label (not the code-name fallback).</summary>
    public static bool HasEntity(string name) => Entities.ContainsKey(name);

    /// <summary>Whether the property has a label, for the entity or globally (not the code-name fallback).</summary>
    public static bool HasProperty(string entity, string property) =>
        Overrides.ContainsKey($"{entity}.{property}") || AllProperties.ContainsKey(property);

    /// <summary>Both property tables in one (a name in both would throw here, on first use).</summary>
    private static Dictionary<string, string> AllProperties =>
        allProperties ??= Properties.Concat(MoreProperties).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Every entity type's label, for checks that no two types share one.</summary>
    public static IReadOnlyDictionary<string, string> EntityLabels => Entities;
}
