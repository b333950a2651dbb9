using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Xuncha.Screening.Engine;

/// <summary>
/// A deployment's overrides: per rule, "enabled" and threshold values, for all villages and,
/// where a county needs it, for that county's villages. JSON or YAML:
/// <code>{ "rules": { "R02": { "cash_limit": 2000 }, "R08": { "enabled": false } },
///   "counties": { "330782": { "R02": { "cash_limit": 3000 } } } }</code>
/// Validated on load: unknown rules, thresholds or counties and non-numbers are errors, listed together.
/// </summary>
public sealed class RulePackConfig
{
    private readonly Dictionary<string, Dictionary<string, decimal>> overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, decimal>>> countyOverrides = new(StringComparer.Ordinal);
    private readonly HashSet<string> disabled = new(StringComparer.OrdinalIgnoreCase);

    public static RulePackConfig Default { get; } = new();

    public bool IsEnabled(string code) => !disabled.Contains(code);

    public IReadOnlyDictionary<string, decimal> ThresholdsFor(Rule rule) => ThresholdsFor(rule, null);

    /// <summary>The thresholds for one county's villages (its own overrides on top of the general ones).</summary>
    public IReadOnlyDictionary<string, decimal> ThresholdsFor(Rule rule, string? county)
    {
        var values = rule.Card.Thresholds.ToDictionary(t => t.Key, t => t.Default);
        Apply(values, overrides.GetValueOrDefault(rule.Card.Code));
        if (county is not null && countyOverrides.TryGetValue(county, out var c))
        {
            Apply(values, c.GetValueOrDefault(rule.Card.Code));
        }

        return values;
    }

    /// <summary>Counties (6-digit codes) with their own thresholds for this rule.</summary>
    public IReadOnlyList<string> CountiesOverriding(Rule rule) =>
        countyOverrides.Where(c => c.Value.ContainsKey(rule.Card.Code)).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

    private static void Apply(Dictionary<string, decimal> values, Dictionary<string, decimal>? changes)
    {
        foreach (var (k, v) in changes ?? [])
        {
            values[k] = v;
        }
    }

    public static RulePackConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RulesFileException([$"找不到规则文件：{path}"]);
        }

        var text = File.ReadAllText(path);
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> raw;
        try
        {
            raw = isYaml ? ParseYaml(text) : ParseJson(text);
        }
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException or FormatException or InvalidOperationException)
        {
            throw new RulesFileException([$"规则文件格式错误：{ex.Message}"]);
        }

        var config = new RulePackConfig();
        var errors = new List<string>();
        foreach (var (scope, rules) in raw)
        {
            if (scope.Length > 0 && !(scope.Length == 6 && scope.All(char.IsAsciiDigit)))
            {
                errors.Add($"counties 下的「{scope}」不是县（市、区）的 6 位区划代码");
                continue;
            }

            foreach (var (code, settings) in rules)
            {
                config.Read(scope, code, settings, errors);
            }
        }

        return errors.Count > 0 ? throw new RulesFileException(errors) : config;
    }

    private void Read(string county, string code, Dictionary<string, string> settings, List<string> errors)
    {
        var rule = RulePack.Find(code);
        var where = county.Length > 0 ? $"counties.{county}." : "";
        if (rule is null)
        {
            errors.Add($"未知的规则「{where}{code}」，可用规则：{string.Join("、", RulePack.Rules.Select(r => r.Card.Code))}");
            return;
        }

        foreach (var (key, value) in settings)
        {
            var name = $"{where}{rule.Card.Code}";
            if (key == "enabled")
            {
                if (county.Length > 0)
                {
                    errors.Add($"{name}.enabled：规则只能整体停用，不能按县停用（请写在 rules 下）");
                }
                else if (value is "false" or "False" or "0")
                {
                    disabled.Add(rule.Card.Code);
                }
                else if (value is not ("true" or "True" or "1"))
                {
                    errors.Add($"{name}.enabled 应为 true 或 false，实际为「{value}」");
                }

                continue;
            }

            var spec = rule.Card.Thresholds.FirstOrDefault(t => t.Key == key);
            if (spec is null)
            {
                var known = rule.Card.Thresholds.Count == 0 ? "该规则没有可调阈值" : "可用阈值：" + string.Join("、", rule.Card.Thresholds.Select(t => t.Key));
                errors.Add($"{name} 没有阈值「{key}」（{known}）");
            }
            else if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                errors.Add($"{name}.{key} 应为非负数字，实际为「{value}」");
            }
            else
            {
                var target = county.Length == 0 ? overrides : Bucket(county);
                if (!target.TryGetValue(rule.Card.Code, out var o))
                {
                    target[rule.Card.Code] = o = new Dictionary<string, decimal>();
                }

                o[key] = number;
            }
        }
    }

    private Dictionary<string, Dictionary<string, decimal>> Bucket(string county)
    {
        if (!countyOverrides.TryGetValue(county, out var bucket))
        {
            countyOverrides[county] = bucket = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.OrdinalIgnoreCase);
        }

        return bucket;
    }

    /// <summary>Scope ("" for all villages, else a county code) → rule → setting → value.</summary>
    private static Dictionary<string, Dictionary<string, Dictionary<string, string>>> ParseJson(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>();
        var hasSections = root.TryGetProperty("rules", out var rules) | root.TryGetProperty("counties", out var counties);
        result[""] = JsonRules(hasSections ? rules : root);
        if (counties.ValueKind == JsonValueKind.Object)
        {
            foreach (var county in counties.EnumerateObject())
            {
                result[county.Name] = JsonRules(county.Value);
            }
        }

        return result;
    }

    private static Dictionary<string, Dictionary<string, string>> JsonRules(JsonElement rules)
    {
        var result = new Dictionary<string, Dictionary<string, string>>();
        if (rules.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var rule in rules.EnumerateObject())
        {
            if (rule.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"「{rule.Name}」应为对象，如 {{ \"enabled\": false }}");
            }

            result[rule.Name] = rule.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => p.Value.ToString(),
            });
        }

        return result;
    }

    private static Dictionary<string, Dictionary<string, Dictionary<string, string>>> ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, string>>> { [""] = [] };
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return result;
        }

        var rules = root.Children.TryGetValue(new YamlScalarNode("rules"), out var r) ? r as YamlMappingNode : null;
        var counties = root.Children.TryGetValue(new YamlScalarNode("counties"), out var c) ? c as YamlMappingNode : null;
        result[""] = YamlRules(rules ?? (counties is null ? root : null));
        if (counties is not null)
        {
            foreach (var (key, value) in counties.Children)
            {
                result[key.ToString()] = YamlRules(value as YamlMappingNode);
            }
        }

        return result;
    }

    private static Dictionary<string, Dictionary<string, string>> YamlRules(YamlMappingNode? rules)
    {
        var result = new Dictionary<string, Dictionary<string, string>>();
        if (rules is null)
        {
            return result;
        }

        foreach (var (key, value) in rules.Children)
        {
            if (value is not YamlMappingNode settings)
            {
                throw new FormatException($"「{key}」应为映射，如 enabled: false");
            }

            result[key.ToString()] = settings.Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
        }

        return result;
    }
}

public sealed class RulesFileException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
