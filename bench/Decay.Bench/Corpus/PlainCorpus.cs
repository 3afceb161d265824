using System.Collections.Generic;
using System.Globalization;

namespace Decay.Bench.Corpus
{
    /// <summary>Ordinary C# with no TorchSharp (and no ML.NET): domain types, records and enums,
    /// an in-memory repository with LINQ, async services, parsing and formatting, a generic cache
    /// with events, and numeric statistics. Compiled without the TorchSharp reference, so Decay
    /// should register nothing at all.</summary>
    internal sealed class PlainCorpus : IUnitGenerator
    {
        public string Name => "no-torch";

        public bool UsesTorchSharp => false;

        public bool UsesMLNet => false;

        public IEnumerable<SourceFile> Unit(int index)
        {
            var rng = Rng.For("plain", index);
            var ns = "Contoso.Commerce.Module" + (index / 4).ToString(CultureInfo.InvariantCulture);
            var entity = rng.Pick("Order", "Invoice", "Shipment", "Booking", "Ticket", "Subscription") + index.ToString(CultureInfo.InvariantCulture);
            yield return WriteDomain(rng, ns, index, entity);
            yield return WriteService(rng, ns, index, entity);
            if (index % 2 == 0)
            {
                yield return WriteParsing(rng, ns, index, entity);
            }
            else
            {
                yield return WriteUtilities(rng, ns, index);
            }
        }

        private static void Header(CodeWriter w, string ns, params string[] usings) => w.FileHeader(usings, ns);

        private static SourceFile WriteDomain(Rng rng, string ns, int index, string entity)
        {
            var w = new CodeWriter();
            Header(w, ns, "System", "System.Collections.Generic", "System.Linq");
            var status = entity + "Status";
            var states = new[] { "Draft", "Submitted", "Approved", "Shipped", "Closed", "Cancelled" };
            w.Line($"public enum {status}");
            w.Line("{");
            foreach (var state in states)
            {
                w.Line($"    {state},");
            }

            w.Line("}");
            w.Line();
            w.Line($"public sealed record {entity}Line(string Sku, int Quantity, decimal UnitPrice)");
            w.Line("{");
            w.Line("    public decimal Amount => Quantity * UnitPrice;");
            w.Line("}");
            w.Line();
            w.Line($"/// <summary>A {entity} and its lines.</summary>");
            w.Open($"public sealed class {entity} : IEquatable<{entity}>");
            w.Line($"private readonly List<{entity}Line> lines = new List<{entity}Line>();");
            w.Line();
            w.Open($"public {entity}(int id, string customer, DateTime createdUtc)");
            w.Line("if (string.IsNullOrWhiteSpace(customer))");
            w.Line("{");
            w.Line("    throw new ArgumentException(\"A customer is required.\", nameof(customer));");
            w.Line("}");
            w.Line();
            w.Line("Id = id;");
            w.Line("Customer = customer;");
            w.Line("CreatedUtc = createdUtc;");
            w.Close();
            w.Line();
            w.Line("public int Id { get; }");
            w.Line("public string Customer { get; }");
            w.Line("public DateTime CreatedUtc { get; }");
            w.Line($"public {status} Status {{ get; private set; }} = {status}.Draft;");
            w.Line("public string? Notes { get; set; }");
            w.Line($"public IReadOnlyList<{entity}Line> Lines => lines;");
            w.Line("public decimal Total => lines.Sum(l => l.Amount);");
            w.Line();
            w.Open("public void Add(string sku, int quantity, decimal unitPrice)");
            w.Open("if (quantity <= 0)");
            w.Line("throw new ArgumentOutOfRangeException(nameof(quantity), quantity, \"Quantity must be positive.\");");
            w.Close();
            w.Line();
            w.Line("var existing = lines.FindIndex(l => l.Sku == sku);");
            w.Open("if (existing >= 0)");
            w.Line("lines[existing] = lines[existing] with { Quantity = lines[existing].Quantity + quantity };");
            w.Close();
            w.Open("else");
            w.Line($"lines.Add(new {entity}Line(sku, quantity, unitPrice));");
            w.Close();
            w.Close();
            w.Line();
            w.Open($"public void MoveTo({status} next)");
            w.Line("var allowed = (Status, next) switch");
            w.Line("{");
            w.Line($"    ({status}.Draft, {status}.Submitted) => true,");
            w.Line($"    ({status}.Submitted, {status}.Approved) => true,");
            w.Line($"    ({status}.Approved, {status}.Shipped) => true,");
            w.Line($"    ({status}.Shipped, {status}.Closed) => true,");
            w.Line($"    (_, {status}.Cancelled) => Status != {status}.Closed,");
            w.Line("    _ => false,");
            w.Line("};");
            w.Open("if (!allowed)");
            w.Line("throw new InvalidOperationException($\"Cannot move from {Status} to {next}.\");");
            w.Close();
            w.Line();
            w.Line("Status = next;");
            w.Close();
            w.Line();
            w.Line($"public decimal Discount(decimal rate) => rate switch");
            w.Line("{");
            w.Line("    < 0m => throw new ArgumentOutOfRangeException(nameof(rate)),");
            w.Line($"    > 0.{rng.Between(3, 6)}m => Total * 0.{rng.Between(3, 6)}m,");
            w.Line("    _ => Total * rate,");
            w.Line("};");
            w.Line();
            w.Line($"public bool Equals({entity}? other) => other is not null && other.Id == Id;");
            w.Line();
            w.Line($"public override bool Equals(object? obj) => Equals(obj as {entity});");
            w.Line();
            w.Line("public override int GetHashCode() => Id.GetHashCode();");
            w.Line();
            w.Line("public override string ToString() => $\"{Id} {Customer} {Status} {Total:C}\";");
            w.Close();
            return new SourceFile($"Module{index}/{entity}.cs", w);
        }

        private static SourceFile WriteService(Rng rng, string ns, int index, string entity)
        {
            var w = new CodeWriter();
            Header(w, ns, "System", "System.Collections.Concurrent", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks");
            var repo = entity + "Repository";
            w.Open($"public interface I{repo}");
            w.Line($"Task<{entity}?> FindAsync(int id, CancellationToken cancellationToken = default);");
            w.Line($"Task SaveAsync({entity} item, CancellationToken cancellationToken = default);");
            w.Line($"IAsyncEnumerable<{entity}> ListAsync(string? customer = null, CancellationToken cancellationToken = default);");
            w.Close();
            w.Line();
            w.Open($"public sealed class InMemory{repo} : I{repo}");
            w.Line($"private readonly ConcurrentDictionary<int, {entity}> items = new ConcurrentDictionary<int, {entity}>();");
            w.Line();
            w.Open($"public Task<{entity}?> FindAsync(int id, CancellationToken cancellationToken = default)");
            w.Line("cancellationToken.ThrowIfCancellationRequested();");
            w.Line($"return Task.FromResult(items.TryGetValue(id, out var item) ? item : null);");
            w.Close();
            w.Line();
            w.Open($"public Task SaveAsync({entity} item, CancellationToken cancellationToken = default)");
            w.Line("ArgumentNullException.ThrowIfNull(item);");
            w.Line("items[item.Id] = item;");
            w.Line("return Task.CompletedTask;");
            w.Close();
            w.Line();
            w.Open($"public async IAsyncEnumerable<{entity}> ListAsync(string? customer = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)");
            w.Open("foreach (var item in items.Values.OrderBy(i => i.Id))");
            w.Line("cancellationToken.ThrowIfCancellationRequested();");
            w.Open("if (customer is null || string.Equals(item.Customer, customer, StringComparison.OrdinalIgnoreCase))");
            w.Line("yield return item;");
            w.Close();
            w.Line();
            w.Line("await Task.Yield();");
            w.Close();
            w.Close();
            w.Close();
            w.Line();
            w.Line($"public sealed record {entity}Summary(string Customer, int Count, decimal Total, decimal Average);");
            w.Line();
            w.Open($"public sealed class {entity}Service");
            w.Line($"private readonly I{repo} repository;");
            w.Line("private readonly Func<DateTime> clock;");
            w.Line("private int nextId;");
            w.Line();
            w.Open($"public {entity}Service(I{repo} repository, Func<DateTime>? clock = null)");
            w.Line("this.repository = repository ?? throw new ArgumentNullException(nameof(repository));");
            w.Line("this.clock = clock ?? (() => DateTime.UtcNow);");
            w.Close();
            w.Line();
            w.Open($"public async Task<{entity}> CreateAsync(string customer, IEnumerable<(string Sku, int Quantity, decimal Price)> lines, CancellationToken cancellationToken = default)");
            w.Line($"var item = new {entity}(Interlocked.Increment(ref nextId), customer, clock());");
            w.Open("foreach (var (sku, quantity, price) in lines)");
            w.Line("item.Add(sku, quantity, price);");
            w.Close();
            w.Line();
            w.Line("await repository.SaveAsync(item, cancellationToken).ConfigureAwait(false);");
            w.Line("return item;");
            w.Close();
            w.Line();
            w.Open($"public async Task<IReadOnlyList<{entity}Summary>> SummarizeAsync(CancellationToken cancellationToken = default)");
            w.Line($"var all = new List<{entity}>();");
            w.Open("await foreach (var item in repository.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))");
            w.Line("all.Add(item);");
            w.Close();
            w.Line();
            w.Line("return all");
            w.Line($"    .Where(i => i.Status != {entity}Status.Cancelled)");
            w.Line("    .GroupBy(i => i.Customer)");
            w.Line($"    .Select(g => new {entity}Summary(g.Key, g.Count(), g.Sum(i => i.Total), g.Average(i => i.Total)))");
            w.Line("    .OrderByDescending(s => s.Total)");
            w.Line($"    .Take({rng.Between(5, 50)})");
            w.Line("    .ToList();");
            w.Close();
            w.Line();
            w.Open($"public async Task<bool> TryApproveAsync(int id, decimal limit, CancellationToken cancellationToken = default)");
            w.Line("var item = await repository.FindAsync(id, cancellationToken).ConfigureAwait(false);");
            w.Open("if (item is null || item.Total > limit)");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Open("try");
            w.Line($"item.MoveTo({entity}Status.Submitted);");
            w.Line($"item.MoveTo({entity}Status.Approved);");
            w.Close();
            w.Open("catch (InvalidOperationException ex)");
            w.Line("item.Notes = ex.Message;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("await repository.SaveAsync(item, cancellationToken).ConfigureAwait(false);");
            w.Line("return true;");
            w.Close();
            w.Close();
            return new SourceFile($"Module{index}/{entity}Service.cs", w);
        }

        private static SourceFile WriteParsing(Rng rng, string ns, int index, string entity)
        {
            var w = new CodeWriter();
            Header(w, ns, "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Text");
            var separator = rng.Pick(",", ";", "|");
            w.Line($"/// <summary>Reads and writes {entity} lines as delimited text.</summary>");
            w.Open($"public static class {entity}Csv");
            w.Line($"private const char Separator = '{separator}';");
            w.Line();
            w.Open($"public static IEnumerable<{entity}Line> Read(TextReader reader)");
            w.Line("string? line;");
            w.Line("var number = 0;");
            w.Open("while ((line = reader.ReadLine()) != null)");
            w.Line("number++;");
            w.Open("if (number == 1 || line.Length == 0 || line.StartsWith('#'))");
            w.Line("continue;");
            w.Close();
            w.Line();
            w.Line("var parts = line.Split(Separator);");
            w.Open("if (parts.Length < 3)");
            w.Line("throw new FormatException($\"Line {number}: expected 3 fields, found {parts.Length}.\");");
            w.Close();
            w.Line();
            w.Open("if (!int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))");
            w.Line("throw new FormatException($\"Line {number}: bad quantity '{parts[1]}'.\");");
            w.Close();
            w.Line();
            w.Line("var price = decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture);");
            w.Line($"yield return new {entity}Line(parts[0].Trim(), quantity, price);");
            w.Close();
            w.Close();
            w.Line();
            w.Open($"public static string Write(IEnumerable<{entity}Line> lines)");
            w.Line("var builder = new StringBuilder();");
            w.Line("builder.Append(\"sku\").Append(Separator).Append(\"quantity\").Append(Separator).AppendLine(\"price\");");
            w.Open("foreach (var line in lines)");
            w.Line("builder.Append(Escape(line.Sku)).Append(Separator)");
            w.Line("    .Append(line.Quantity.ToString(CultureInfo.InvariantCulture)).Append(Separator)");
            w.Line("    .AppendLine(line.UnitPrice.ToString(\"0.00\", CultureInfo.InvariantCulture));");
            w.Close();
            w.Line();
            w.Line("return builder.ToString();");
            w.Close();
            w.Line();
            w.Open("private static string Escape(string value)");
            w.Open("if (value.IndexOf(Separator) < 0 && value.IndexOf('\"') < 0)");
            w.Line("return value;");
            w.Close();
            w.Line();
            w.Line("return \"\\\"\" + value.Replace(\"\\\"\", \"\\\"\\\"\") + \"\\\"\";");
            w.Close();
            w.Line();
            w.Open("public static IReadOnlyDictionary<string, int> CountWords(string text)");
            w.Line("var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);");
            w.Open("foreach (var word in text.Split(new[] { ' ', '\\t', '\\n', '.', ',' }, StringSplitOptions.RemoveEmptyEntries))");
            w.Line("counts[word] = counts.TryGetValue(word, out var n) ? n + 1 : 1;");
            w.Close();
            w.Line();
            w.Line("return counts;");
            w.Close();
            w.Close();
            return new SourceFile($"Module{index}/{entity}Csv.cs", w);
        }

        private static SourceFile WriteUtilities(Rng rng, string ns, int index)
        {
            var w = new CodeWriter();
            Header(w, ns, "System", "System.Collections.Generic", "System.Linq");
            var suffix = index.ToString(CultureInfo.InvariantCulture);
            w.Line("/// <summary>A least-recently-used cache that raises an event on eviction.</summary>");
            w.Open($"public sealed class LruCache{suffix}<TKey, TValue> where TKey : notnull");
            w.Line("private readonly int capacity;");
            w.Line("private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> map = new Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>>();");
            w.Line("private readonly LinkedList<(TKey Key, TValue Value)> order = new LinkedList<(TKey Key, TValue Value)>();");
            w.Line();
            w.Line($"public LruCache{suffix}(int capacity = {rng.Pick(16, 64, 256)}) => this.capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));");
            w.Line();
            w.Line("public event EventHandler<TKey>? Evicted;");
            w.Line();
            w.Line("public int Count => map.Count;");
            w.Line();
            w.Open("public bool TryGet(TKey key, out TValue value)");
            w.Open("if (map.TryGetValue(key, out var node))");
            w.Line("order.Remove(node);");
            w.Line("order.AddFirst(node);");
            w.Line("value = node.Value.Value;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("value = default!;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Open("public void Set(TKey key, TValue value)");
            w.Open("if (map.TryGetValue(key, out var node))");
            w.Line("order.Remove(node);");
            w.Close();
            w.Open("else if (map.Count >= capacity && order.Last is { } last)");
            w.Line("order.RemoveLast();");
            w.Line("map.Remove(last.Value.Key);");
            w.Line("Evicted?.Invoke(this, last.Value.Key);");
            w.Close();
            w.Line();
            w.Line("map[key] = order.AddFirst((key, value));");
            w.Close();
            w.Close();
            w.Line();
            w.Line("/// <summary>Descriptive statistics over a sample.</summary>");
            w.Open($"public static class Statistics{suffix}");
            w.Open("public static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)");
            w.Open("if (values.Count == 0)");
            w.Line("return (double.NaN, double.NaN);");
            w.Close();
            w.Line();
            w.Line("double mean = 0, m2 = 0;");
            w.Open("for (var i = 0; i < values.Count; i++)");
            w.Line("var delta = values[i] - mean;");
            w.Line("mean += delta / (i + 1);");
            w.Line("m2 += delta * (values[i] - mean);");
            w.Close();
            w.Line();
            w.Line("return (mean, values.Count > 1 ? m2 / (values.Count - 1) : 0);");
            w.Close();
            w.Line();
            w.Open("public static double Percentile(IEnumerable<double> values, double p)");
            w.Line("var sorted = values.OrderBy(v => v).ToArray();");
            w.Open("if (sorted.Length == 0)");
            w.Line("throw new ArgumentException(\"No values.\", nameof(values));");
            w.Close();
            w.Line();
            w.Line("var rank = Math.Clamp(p, 0, 1) * (sorted.Length - 1);");
            w.Line("var lower = (int)Math.Floor(rank);");
            w.Line("var upper = (int)Math.Ceiling(rank);");
            w.Line("return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);");
            w.Close();
            w.Line();
            w.Open("public static IEnumerable<double> MovingAverage(IEnumerable<double> values, int window)");
            w.Line("var queue = new Queue<double>(window);");
            w.Line("var sum = 0.0;");
            w.Open("foreach (var value in values)");
            w.Line("queue.Enqueue(value);");
            w.Line("sum += value;");
            w.Open("if (queue.Count > window)");
            w.Line("sum -= queue.Dequeue();");
            w.Close();
            w.Line();
            w.Line("yield return sum / queue.Count;");
            w.Close();
            w.Close();
            w.Line();
            w.Open("public static double Norm(IReadOnlyList<double> vector, bool squared = false)");
            w.Line("var total = 0.0;");
            w.Open("foreach (var x in vector)");
            w.Line("total += x * x;");
            w.Close();
            w.Line();
            w.Line("return squared ? total : Math.Sqrt(total);");
            w.Close();
            w.Close();
            return new SourceFile($"Module{index}/Utilities.cs", w);
        }
    }
}
