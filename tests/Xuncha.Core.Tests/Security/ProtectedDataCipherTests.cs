using System.Security.Cryptography;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Tests.Security;

public sealed class ProtectedDataCipherTests
{
    private static readonly ProtectedDataCipher Cipher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Protect_ThenUnprotect_GivesTheTextBackAndNeverStoresItPlain()
    {
        var stored = Cipher.Protect("举报人 张三 13812345678")!;
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("张三", stored);
        Assert.DoesNotContain("13812345678", stored);
        Assert.NotEqual(stored, Cipher.Protect("举报人 张三 13812345678"));   // a fresh nonce each time
        Assert.Equal("举报人 张三 13812345678", Cipher.Unprotect(stored));
    }

    [Fact]
    public void Unprotect_TamperedOrOtherKey_Fails()
    {
        var stored = Cipher.Protect("王五")!;
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Unprotect("v1:" + Convert.ToBase64String(bytes)));
        var other = new ProtectedDataCipher(new byte[32]);
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(stored));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳明月", "欧***")]
    [InlineData("13812345678", "138****5678")]
    [InlineData("", "")]
    public void Mask_HidesAllButTheFirstCharacterOrTheEndsOfANumber(string value, string masked) =>
        Assert.Equal(masked, ProtectedDataCipher.Mask(value));
}
