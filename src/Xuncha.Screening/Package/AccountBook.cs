using System.Runtime.CompilerServices;

namespace Xuncha.Screening.Package;

/// <summary>
/// Each village's accounts (village_code, account_code, account_name), numbered as first seen.
/// A voucher line is stored with its account's number and the accounts once in entry_accounts:
/// classification then works on a few hundred thousand accounts joined by an integer, and the
/// 26 M lines of a province carry no account text.
/// </summary>
internal sealed class AccountBook
{
    private readonly Dictionary<(string Village, string Code, string? Name), int> numbers = new(new KeyComparer());
    private string? lastVillage;
    private string? lastCode;
    private string? lastName;
    private int last = -1;

    public List<string> Villages { get; } = [];
    public List<string> Codes { get; } = [];
    public List<string?> Names { get; } = [];

    public int Count => Villages.Count;

    public int Number(string village, string code, string? name)
    {
        if (last >= 0 && ReferenceEquals(village, lastVillage) && ReferenceEquals(code, lastCode) && ReferenceEquals(name, lastName))
        {
            return last;
        }

        if (!numbers.TryGetValue((village, code, name), out var number))
        {
            number = Villages.Count;
            numbers.Add((village, code, name), number);
            Villages.Add(village);
            Codes.Add(code);
            Names.Add(name);
        }

        (lastVillage, lastCode, lastName, last) = (village, code, name, number);
        return number;
    }

    /// <summary>Ordinal equality with a cheap hash: the keys are short and there are tens of millions of look-ups.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Village, string Code, string? Name)>
    {
        public bool Equals((string Village, string Code, string? Name) x, (string Village, string Code, string? Name) y) =>
            string.Equals(x.Village, y.Village, StringComparison.Ordinal)
            && string.Equals(x.Code, y.Code, StringComparison.Ordinal)
            && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((string Village, string Code, string? Name) key) =>
            Hash(Hash(Hash(17, key.Village), key.Code), key.Name);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Hash(int seed, string? s)
        {
            if (s is null)
            {
                return seed * 31;
            }

            var h = (uint)seed;
            foreach (var c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return (int)h;
        }
    }
}
