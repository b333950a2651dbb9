using QRCoder;

namespace Xuncha.Web.Reports;

/// <summary>The QR code of a channel's public page, as PNG (for the notice and download) and SVG (for large prints).</summary>
public static class ReportQr
{
    public static byte[] Png(string url, int pixelsPerModule = 12)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10);
    }

    /// <summary>
    /// The public link printed in the QR code. <c>Xuncha:PublicBaseUrl</c> names the address residents
    /// reach (behind a proxy or on a public host); without it, the address of this request.
    /// </summary>
    public static string PublicUrl(HttpRequest request, IConfiguration config, string token)
    {
        var configured = config["Xuncha:PublicBaseUrl"]?.TrimEnd('/');
        var origin = string.IsNullOrEmpty(configured) ? $"{request.Scheme}://{request.Host}" : configured;
        return $"{origin}/r/{token}";
    }
}
