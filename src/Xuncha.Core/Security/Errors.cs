namespace Xuncha.Core.Security;

/// <summary>The user may not do or see this. Becomes 403 ProblemDetails.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The thing asked for does not exist. Becomes 404 ProblemDetails.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Input broke a rule. Becomes 400 ProblemDetails with an error list per field.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("；", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>Collects field errors and throws them together, so a form shows every problem at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new();

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public bool Any => errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
