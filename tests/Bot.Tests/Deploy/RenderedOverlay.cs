using System.Text.Json.Nodes;
using Bot.Tests.Dialogs;

namespace Bot.Tests.Deploy;

/// <summary>
/// One overlay of deploy/ rendered with `kubectl kustomize`, from a copy of deploy/ in which every committed
/// <c>*.env.example</c> has become the gitignored <c>*.env</c> an operator writes (so the repository is never touched).
/// </summary>
internal sealed class RenderedOverlay
{
    private RenderedOverlay(string name, IReadOnlyList<JsonObject> objects)
    {
        Name = name;
        Objects = objects;
    }

    public const string SecretPlaceholder = "placeholder-from-the-test";

    public string Name { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetDirectories(RepositoryFiles.PathOf("deploy/overlays")).Select(Path.GetFileName).Order()!];

    /// <summary>Rendered once per test run.</summary>
    public static Task<RenderedOverlay> GetAsync(string name) => Rendered.GetOrAdd(name, n => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(n))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Rendered = new();

    private static async Task<RenderedOverlay> RenderAsync(string name)
    {
        var copy = Directory.CreateTempSubdirectory("arc-deploy-");
        try
        {
            CopyDirectory(RepositoryFiles.PathOf("deploy"), copy.FullName);
            foreach (var example in Directory.GetFiles(copy.FullName, "*.env.example", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(example).Select(l => l.EndsWith('=') ? l + SecretPlaceholder : l);
                File.WriteAllLines(example[..^".example".Length], lines);
            }

            var yaml = await Kubectl.KustomizeAsync(Path.Combine(copy.FullName, "overlays", name));
            return new RenderedOverlay(name, YamlDocuments.Parse(yaml));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string name) =>
        Assert.Single(OfKind(kind), o => (string?)o["metadata"]!["name"] == name);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".env", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
