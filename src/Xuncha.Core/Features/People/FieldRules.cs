using System.Text.RegularExpressions;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Security;
using Xuncha.Screening.Checks;

namespace Xuncha.Core.Features.People;

/// <summary>The checks shared by people, relatives and experts, in forms and imports alike.</summary>
internal static partial class FieldRules
{
    public static string Text(string? value, string field, int max, bool required, IFieldErrors errors)
    {
        var text = Clean(value);
        if (errors.Has(field))
        {
            return text;
        }

        if (required && text.Length == 0)
        {
            errors.Add(field, PeopleTexts.Required);
        }
        else if (text.Length > max)
        {
            errors.Add(field, PeopleTexts.TooLong(max));
        }

        return text;
    }

    /// <summary>Trimmed, and without the apostrophe an Excel export puts before = + - @.</summary>
    public static string Clean(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }

    /// <summary>A resident ID of GB 11643 (the check of <see cref="ResidentId"/>), upper-case X; null when empty and optional.</summary>
    public static string? IdNumber(string? value, string field, bool required, DateOnly today, IFieldErrors errors)
    {
        var id = Clean(value).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (errors.Has(field))
        {
            return id.Length == 0 ? null : id;
        }

        if (id.Length == 0)
        {
            if (required)
            {
                errors.Add(field, PeopleTexts.Required);
            }

            return null;
        }

        var check = ResidentId.Validate(id, today);
        var reason = check.Status switch
        {
            ResidentIdStatus.Valid => null,
            ResidentIdStatus.WrongLength => PeopleTexts.IdLength(id),
            ResidentIdStatus.WrongFormat => PeopleTexts.IdFormat(id),
            ResidentIdStatus.BadBirthDate => PeopleTexts.IdBirthDate(id),
            ResidentIdStatus.BirthDateAfter => PeopleTexts.IdBirthFuture(id),
            _ => PeopleTexts.IdCheckDigit(id, check.ExpectedCheckDigit ?? '?'),
        };
        if (reason is not null)
        {
            errors.Add(field, reason);
        }

        return id;
    }

    /// <summary>男 or 女; empty takes the ID number's (17th digit odd = 男), a contradiction is an error.</summary>
    public static string Gender(string? value, string? validId, string field, IFieldErrors errors)
    {
        var gender = Clean(value) switch
        {
            "男" or "男性" or "M" or "m" => "男",
            "女" or "女性" or "F" or "f" => "女",
            "" => "",
            _ => null,
        };
        if (gender is null)
        {
            errors.Add(field, PeopleTexts.GenderValues);
            return "";
        }

        var fromId = validId is { Length: 18 } && ResidentId.IsValid(validId) ? ((validId[16] - '0') % 2 == 1 ? "男" : "女") : null;
        if (gender.Length == 0)
        {
            return fromId ?? "";
        }

        if (fromId is not null && fromId != gender)
        {
            errors.Add(field, PeopleTexts.GenderMismatch(fromId));
        }

        return gender;
    }

    public static string Phone(string? value, string field, IFieldErrors errors)
    {
        var phone = Text(value, field, 20, required: false, errors);
        if (phone.Length > 0 && !errors.Has(field) && !PhonePattern().IsMatch(phone))
        {
            errors.Add(field, PeopleTexts.PhoneFormat(phone));
        }

        return phone;
    }

    /// <summary>The pool: the city or a county within the user's scope; empty means the user's own pool.</summary>
    public static string Pool(string? value, UserScope user, RegionDirectory regions, string field, IFieldErrors errors)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            if (user.DefaultPool() is { } own)
            {
                return own;
            }

            errors.Add(field, PeopleTexts.NoPoolForScope(user.ScopeName));
            return "";
        }

        var (region, error) = regions.Resolve(text, l => l is RegionLevel.City or RegionLevel.County);
        if (region is null)
        {
            errors.Add(field, error!);
            return "";
        }

        if (!user.Covers(region.Code))
        {
            errors.Add(field, PeopleTexts.PoolNotAllowed(text, user.ScopeName));
            return "";
        }

        return region.Code;
    }

    /// <summary>A village (12 digits) by code or name; null when empty and optional.</summary>
    public static string? Village(string? value, RegionDirectory regions, string field, bool required, IFieldErrors errors, string? near = null)
    {
        var text = Clean(value);
        if (errors.Has(field))
        {
            return null;
        }

        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(field, PeopleTexts.Required);
            }

            return null;
        }

        var (region, error) = regions.Resolve(text, _ => true, near);
        if (region is null)
        {
            errors.Add(field, error!);
            return null;
        }

        if (region.Level != RegionLevel.Village)
        {
            errors.Add(field, PeopleTexts.NotAVillage(text, region.Level.ToChinese()));
            return null;
        }

        return region.Code;
    }

    /// <summary>Any node of the tree (a county, a township or a village), by code or name.</summary>
    public static string Region(string? value, RegionDirectory regions, string field, IFieldErrors errors, string? near = null)
    {
        var text = Clean(value);
        if (errors.Has(field))
        {
            return "";
        }

        if (text.Length == 0)
        {
            errors.Add(field, PeopleTexts.Required);
            return "";
        }

        var (region, error) = regions.Resolve(text, _ => true, near);
        if (region is null)
        {
            errors.Add(field, error!);
            return "";
        }

        return region.Code;
    }

    [GeneratedRegex(@"^[0-9+\-() （）]{3,20}$")]
    private static partial Regex PhonePattern();
}
