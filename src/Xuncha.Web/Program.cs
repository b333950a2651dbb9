using Xuncha.Web.Hosting;

var app = XunchaWebApp.Build(args);
await app.RunAsync();

/// <summary>Entry point of the web host; tests start it through WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
