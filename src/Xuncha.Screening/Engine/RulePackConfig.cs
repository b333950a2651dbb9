using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Xuncha.Screening.Engine;

/// <summary>
/// A deployment's overrides: per rule, "enabled" and threshold values. JSON or YAML:
/// <code>{ "rules": { "R02": { "cash_limit": 2000 }, "R08": { "enabled": false } } }</code>
/// Validated on load: unknown rules or thresholds and non-numbers are errors, listed together.
/// </summary>
public sealed class RulePackConfig
{
    private readonly Dictionary<string, Dictionary<string, decimal>> overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> disabled = new(StringComparer.OrdinalIgnoreCase);

    public static RulePackConfig Default { get; } = new();

    public bool IsEnabled(string code) => !disabled.Contains(code);

    public IReadOnlyDictionary<string, decimal> ThresholdsFor(Rule rule)
    {
        var values = rule.Card.Thresholds.ToDictionary(t => t.Key, t => t.Default);
        if (overrides.TryGetValue(rule.Card.Code, out var o))
        {
            foreach (var (k, v) in o)
            {
                values[k] = v;
            }
        }

        return values;
    }

    public static RulePackConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RulesFileException([$"找不到规则文件：{path}"]);
        }

        var text = File.ReadAllText(path);
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        Dictionary<string, Dictionary<string, string>> raw;
        try
        {
            raw = isYaml ? ParseYaml(text) : ParseJson(text);
        }
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException or FormatException)
        {
            throw new RulesFileException([$"规则文件格式错误：{ex.Message}"]);
        }

        var config = new RulePackConfig();
        var errors = new List<string>();
        foreach (var (code, settings) in raw)
        {
            var rule = RulePack.Find(code);
            if (rule is null)
            {
                errors.Add($"未知的规则「{code}」，可用规则：{string.Join("、", RulePack.Rules.Select(r => r.Card.Code))}");
                continue;
            }

            foreach (var (key, value) in settings)
            {
                if (key == "enabled")
                {
                    if (value is "false" or "False" or "0")
                    {
                        config.disabled.Add(rule.Card.Code);
                    }
                    else if (value is not ("true" or "True" or "1"))
                    {
                        errors.Add($"{rule.Card.Code}.enabled 应为 true 或 false，实际为「{value}」");
                    }

                    continue;
                }

                var spec = rule.Card.Thresholds.FirstOrDefault(t => t.Key == key);
                if (spec is null)
                {
                    var known = rule.Card.Thresholds.Count == 0 ? "该规则没有可调阈值" : "可用阈值：" + string.Join("、", rule.Card.Thresholds.Select(t => t.Key));
                    errors.Add($"{rule.Card.Code} 没有阈值「{key}」（{known}）");
                }
                else if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
                {
                    errors.Add($"{rule.Card.Code}.{key} 应为非负数字，实际为「{value}」");
                }
                else
                {
                    if (!config.overrides.TryGetValue(rule.Card.Code, out var o))
                    {
                        config.overrides[rule.Card.Code] = o = new Dictionary<string, decimal>();
                    }

                    o[key] = number;
                }
            }
        }

        return errors.Count > 0 ? throw new RulesFileException(errors) : config;
    }

    private static Dictionary<string, Dictionary<string, string>> ParseJson(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var rules = doc.RootElement.TryGetProperty("rules", out var r) ? r : doc.RootElement;
        var result = new Dictionary<string, Dictionary<string, string>>();
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

    private static Dictionary<string, Dictionary<string, string>> ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var result = new Dictionary<string, Dictionary<string, string>>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return result;
        }

        var rules = root.Children.TryGetValue(new YamlScalarNode("rules"), out var r) && r is YamlMappingNode m ? m : root;
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
