using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Decay.Bench.Corpus
{
    /// <summary>Realistic TorchSharp training code, correct and mistaken mixed, written only with
    /// TorchSharp's real public API (it must compile against the API model). A unit is a models
    /// file (custom modules with Linear, Conv2d, LayerNorm, BatchNorm, Embedding and Sequential
    /// children, declared by concrete type or as Module&lt;Tensor, Tensor&gt;, assigned in the
    /// constructor or in field initializers), a trainer file (optimizer of every kind: factory or
    /// constructor, positional or named, named_parameters, filtered parameters, ParamGroups in
    /// the Options, positional and object-initializer forms, add_param_group; penalties in
    /// foreach and LINQ, squared and not, detached, in no_grad, computed and lost; norms for
    /// clipping and logging; staged freezing), and every other unit a script-style experiment
    /// and a data/evaluation helper. The shapes are those the rules in RULES.md look at; the
    /// choice among them is pseudo-random and fixed by the unit's index.</summary>
    internal sealed class TorchSharpCorpus : IUnitGenerator
    {
        private readonly MLNetCorpus? mlnet;

        public TorchSharpCorpus(bool includeMLNet)
        {
            mlnet = includeMLNet ? new MLNetCorpus() : null;
        }

        public string Name => "torch";

        public bool UsesTorchSharp => true;

        public bool UsesMLNet => mlnet != null;

        public IEnumerable<SourceFile> Unit(int index)
        {
            var rng = Rng.For("torch", index);
            var ns = "Contoso.Training.Project" + (index / 4).ToString(CultureInfo.InvariantCulture);
            var models = new List<ModelSpec>();
            yield return WriteModels(rng, ns, index, models);

            var main = rng.PickFrom(models);
            yield return WriteTrainer(rng, ns, index, main);

            if (index % 2 == 1)
            {
                yield return WriteExperiment(rng, ns, index, rng.PickFrom(models));
            }

            if (mlnet != null && index % 3 == 2)
            {
                yield return mlnet.Write(rng, "Contoso.Tabular.Project" + (index / 4).ToString(CultureInfo.InvariantCulture), index);
            }
        }

        // ---------------------------------------------------------------------------------------
        // Styles: the using forms seen in TorchSharp code (torchsharp-api.md §6).

        private sealed class Style
        {
            public Style(string[] usings, string optim, string nn, string torch, string functional, string module, string tensor, bool concreteTypes)
            {
                Usings = usings;
                Optim = optim;
                Nn = nn;
                Torch = torch;
                Functional = functional;
                Module = module;
                Tensor = tensor;
                ConcreteTypes = concreteTypes;
            }

            public string[] Usings { get; }

            /// <summary>Prefix of the optimizer factories: "optim" or "torch.optim".</summary>
            public string Optim { get; }

            /// <summary>Prefix of the layer factories, with its dot ("nn.", "torch.nn.") or empty
            /// under <c>using static TorchSharp.torch.nn</c>.</summary>
            public string Nn { get; }

            /// <summary>Prefix of torch's own functions: "" or "torch.".</summary>
            public string Torch { get; }

            public string Functional { get; }
            public string Module { get; }
            public string Tensor { get; }

            /// <summary>TorchSharp.Modules is imported: layers and optimizers can be named as types.</summary>
            public bool ConcreteTypes { get; }

            public string Layer(Rng rng, string concrete) => ConcreteTypes && rng.Chance(0.7) ? concrete : Module;
        }

        private static readonly Style StaticTorch = new Style(
            new[] { "System", "System.Collections.Generic", "System.Linq", "TorchSharp", "TorchSharp.Modules", "static TorchSharp.torch" },
            "optim", "nn.", "", "nn.functional", "nn.Module<Tensor, Tensor>", "Tensor", concreteTypes: true);

        private static readonly Style StaticNn = new Style(
            new[] { "System", "System.Collections.Generic", "TorchSharp", "static TorchSharp.torch", "static TorchSharp.torch.nn" },
            "optim", "", "", "functional", "Module<Tensor, Tensor>", "Tensor", concreteTypes: false);

        private static readonly Style Qualified = new Style(
            new[] { "System", "System.Collections.Generic", "System.Linq", "TorchSharp", "TorchSharp.Modules" },
            "torch.optim", "torch.nn.", "torch.", "torch.nn.functional", "torch.nn.Module<torch.Tensor, torch.Tensor>", "torch.Tensor", concreteTypes: true);

        private static void WriteHeader(CodeWriter w, Style style, string ns) => w.FileHeader(style.Usings, ns);

        // ---------------------------------------------------------------------------------------
        // Models

        private enum InputKind
        {
            Vector,
            Image,
            Tokens,
        }

        private sealed class ModelSpec
        {
            public ModelSpec(string name, InputKind input, int features, int classes)
            {
                Name = name;
                Input = input;
                Features = features;
                Classes = classes;
            }

            public string Name { get; }
            public InputKind Input { get; }

            /// <summary>Input features (Vector), vocabulary size (Tokens), channels (Image: 3).</summary>
            public int Features { get; }

            public int Classes { get; }
        }

        private static SourceFile WriteModels(Rng rng, string ns, int index, List<ModelSpec> models)
        {
            var style = rng.Pick(StaticTorch, StaticTorch, StaticNn, Qualified);
            var w = new CodeWriter();
            WriteHeader(w, style, ns);
            var count = rng.Between(2, 3);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }

                var name = rng.Pick("Classifier", "Regressor", "Encoder", "Tagger", "Scorer", "Net", "Block", "Model") + index.ToString(CultureInfo.InvariantCulture) + (char)('A' + i);
                if (i > 0 && rng.Chance(0.35))
                {
                    models.Add(WriteWrapper(w, rng, style, name, models[0]));
                    continue;
                }

                var kind = style == StaticNn ? rng.Pick(0, 1, 2, 5) : rng.Next(6);
                models.Add(kind switch
                {
                    0 => WriteMlp(w, rng, style, name),
                    1 => WriteConvNet(w, rng, style, name),
                    2 => style == StaticNn ? WriteFieldInitialized(w, rng, style, name) : WriteSequential(w, rng, style, name),
                    3 => WriteSequential(w, rng, style, name),
                    4 => WriteBiasFree(w, rng, style, name),
                    _ => WriteTextClassifier(w, rng, style, name),
                });
            }

            return new SourceFile($"Project{index}/Models.cs", w);
        }

        private static void WriteModuleStart(CodeWriter w, Style style, string name, string summary)
        {
            w.Line("/// <summary>" + summary + "</summary>");
            w.Open($"public sealed class {name} : {style.Module}");
        }

        /// <summary>Closes a module's constructor with RegisterComponents() and exposes the
        /// sub-modules that trainers freeze and group by: Backbone and Head.</summary>
        private static void EndConstructor(CodeWriter w, Style style, string backbone, string head)
        {
            w.Line("RegisterComponents();");
            w.Close();
            w.Line();
            w.Line($"public {style.Module} Backbone => {backbone};");
            w.Line();
            w.Line($"public {style.Module} Head => {head};");
            w.Line();
        }

        private static ModelSpec WriteMlp(CodeWriter w, Rng rng, Style style, string name)
        {
            var features = rng.Pick(16, 32, 64, 128, 784);
            var hidden = rng.Pick(64, 128, 256, 512);
            var classes = rng.Pick(2, 4, 10);
            var layers = rng.Between(1, 3);
            var norm = rng.Pick("LayerNorm", "BatchNorm1d");
            WriteModuleStart(w, style, name, $"MLP: {layers + 1} Linear layers with {norm} and dropout.");
            w.Line($"private readonly {style.Layer(rng, "Linear")} input;");
            for (var i = 1; i <= layers; i++)
            {
                w.Line($"private readonly {style.Layer(rng, "Linear")} fc{i};");
                w.Line($"private readonly {style.Layer(rng, norm)} norm{i};");
            }

            w.Line($"private readonly {style.Layer(rng, "Dropout")} dropout;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} head;");
            w.Line();
            w.Open($"public {name}(long inputs = {features}, long hidden = {hidden}, long classes = {classes}, double dropoutRate = 0.{rng.Between(1, 5)})", $": base(nameof({name}))");
            w.Line($"input = {style.Nn}Linear(inputs, hidden);");
            for (var i = 1; i <= layers; i++)
            {
                w.Line($"fc{i} = {style.Nn}Linear(hidden, hidden);");
                w.Line($"norm{i} = {style.Nn}{norm}(hidden);");
            }

            w.Line($"dropout = {style.Nn}Dropout(dropoutRate);");
            w.Line($"head = {style.Nn}Linear(hidden, classes);");
            EndConstructor(w, style, backbone: "input", head: "head");
            w.Open($"public override {style.Tensor} forward({style.Tensor} x)");
            w.Line($"x = {style.Functional}.relu(input.call(x));");
            for (var i = 1; i <= layers; i++)
            {
                w.Line(rng.Chance(0.5)
                    ? $"x = {style.Functional}.relu(norm{i}.call(fc{i}.call(x)));"
                    : $"x = {style.Functional}.gelu(norm{i}.call(fc{i}.call(x)));");
            }

            w.Line("return head.call(dropout.call(x));");
            w.Close();
            w.Close();
            return new ModelSpec(name, InputKind.Vector, features, classes);
        }

        private static ModelSpec WriteConvNet(CodeWriter w, Rng rng, Style style, string name)
        {
            var c1 = rng.Pick(16, 32);
            var c2 = c1 * 2;
            var classes = rng.Pick(10, 100);
            WriteModuleStart(w, style, name, "Two Conv2d + BatchNorm2d stages, global average pooling, Linear head.");
            w.Line($"private readonly {style.Layer(rng, "Conv2d")} conv1;");
            w.Line($"private readonly {style.Layer(rng, "BatchNorm2d")} bn1;");
            w.Line($"private readonly {style.Layer(rng, "Conv2d")} conv2;");
            w.Line($"private readonly {style.Layer(rng, "BatchNorm2d")} bn2;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} fc;");
            w.Line();
            w.Open($"public {name}(long classes = {classes})", $": base(nameof({name}))");
            w.Line($"conv1 = {style.Nn}Conv2d(3, {c1}, 3, padding: 1);");
            w.Line($"bn1 = {style.Nn}BatchNorm2d({c1});");
            w.Line(rng.Chance(0.3)
                ? $"conv2 = {style.Nn}Conv2d({c1}, {c2}, 3, padding: 1, bias: false);"
                : $"conv2 = {style.Nn}Conv2d({c1}, {c2}, 3, stride: 2, padding: 1);");
            w.Line($"bn2 = {style.Nn}BatchNorm2d({c2}, momentum: 0.0{rng.Between(1, 9)});");
            w.Line($"fc = {style.Nn}Linear({c2}, classes);");
            EndConstructor(w, style, backbone: "conv1", head: "fc");
            w.Open($"public override {style.Tensor} forward({style.Tensor} input)");
            w.Line($"var x = {style.Functional}.relu(bn1.call(conv1.call(input)));");
            w.Line($"x = {style.Functional}.relu(bn2.call(conv2.call(x)));");
            w.Line("x = x.mean(new long[] { 2, 3 });");
            w.Line("return fc.call(x);");
            w.Close();
            w.Close();
            return new ModelSpec(name, InputKind.Image, 3, classes);
        }

        private static ModelSpec WriteSequential(CodeWriter w, Rng rng, Style style, string name)
        {
            var features = rng.Pick(20, 48, 100, 300);
            var hidden = rng.Pick(64, 128, 256);
            var classes = rng.Pick(2, 3, 5, 10);
            var nn = style.Nn;
            WriteModuleStart(w, style, name, "Sequential backbone and a Linear head.");
            w.Line($"private readonly {style.Layer(rng, "Sequential")} backbone;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} head;");
            w.Line();
            w.Open($"public {name}(long inputs = {features}, long hidden = {hidden}, long classes = {classes})", $": base(nameof({name}))");
            if (rng.Chance(0.5))
            {
                w.Line($"backbone = {nn}Sequential(");
                w.Line($"    (\"fc1\", {nn}Linear(inputs, hidden)),");
                w.Line($"    (\"ln1\", {nn}LayerNorm(hidden)),");
                w.Line($"    (\"act1\", {nn}ReLU()),");
                w.Line($"    (\"fc2\", {nn}Linear(hidden, hidden)),");
                w.Line($"    (\"act2\", {nn}GELU()));");
            }
            else
            {
                w.Line($"backbone = {nn}Sequential(");
                w.Line($"    {nn}Linear(inputs, hidden),");
                w.Line($"    {nn}BatchNorm1d(hidden),");
                w.Line($"    {nn}ReLU(),");
                w.Line($"    {nn}Dropout(0.2),");
                w.Line($"    {nn}Linear(hidden, hidden),");
                w.Line($"    {nn}ReLU());");
            }

            w.Line($"head = {nn}Linear(hidden, classes);");
            EndConstructor(w, style, backbone: "backbone", head: "head");
            w.Line($"public override {style.Tensor} forward({style.Tensor} input) => head.call(backbone.call(input));");
            w.Close();
            return new ModelSpec(name, InputKind.Vector, features, classes);
        }

        private static ModelSpec WriteFieldInitialized(CodeWriter w, Rng rng, Style style, string name)
        {
            // TorchSharp's MNIST example style: layers created in field initializers.
            var features = rng.Pick(784, 256, 64);
            var hidden = rng.Pick(128, 256);
            var classes = rng.Pick(10, 2);
            WriteModuleStart(w, style, name, "Layers created in field initializers, as in TorchSharp's examples.");
            w.Line($"private readonly {style.Module} fc1 = {style.Nn}Linear({features}, {hidden});");
            w.Line($"private readonly {style.Module} bn1 = {style.Nn}BatchNorm1d({hidden});");
            w.Line($"private readonly {style.Module} fc2 = {style.Nn}Linear({hidden}, {hidden / 2});");
            w.Line($"private readonly {style.Module} ln2 = {style.Nn}LayerNorm({hidden / 2});");
            w.Line($"private readonly {style.Module} fc3 = {style.Nn}Linear({hidden / 2}, {classes});");
            w.Line($"private readonly {style.Module} drop = {style.Nn}Dropout(0.25);");
            w.Line();
            w.Open($"public {name}()", $": base(nameof({name}))");
            EndConstructor(w, style, backbone: "fc1", head: "fc3");
            w.Open($"public override {style.Tensor} forward({style.Tensor} input)");
            w.Line($"var x = {style.Functional}.relu(bn1.call(fc1.call(input)));");
            w.Line($"x = drop.call({style.Functional}.relu(ln2.call(fc2.call(x))));");
            w.Line("return fc3.call(x);");
            w.Close();
            w.Close();
            return new ModelSpec(name, InputKind.Vector, features, classes);
        }

        private static ModelSpec WriteBiasFree(CodeWriter w, Rng rng, Style style, string name)
        {
            var features = rng.Pick(32, 64, 128);
            var hidden = rng.Pick(64, 128);
            var classes = rng.Pick(2, 10);
            WriteModuleStart(w, style, name, "Bias-free layers and a non-affine BatchNorm: nothing to exclude from decay.");
            w.Line($"private readonly {style.Layer(rng, "Linear")} proj;");
            w.Line($"private readonly {style.Layer(rng, "BatchNorm1d")} bn;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} output;");
            w.Line();
            w.Open($"public {name}(long inputs = {features}, long hidden = {hidden}, long classes = {classes})", $": base(nameof({name}))");
            w.Line($"proj = {style.Nn}Linear(inputs, hidden, hasBias: false);");
            w.Line($"bn = {style.Nn}BatchNorm1d(hidden, affine: false);");
            w.Line($"output = {style.Nn}Linear(hidden, classes, hasBias: false);");
            EndConstructor(w, style, backbone: "proj", head: "output");
            w.Line($"public override {style.Tensor} forward({style.Tensor} input) => output.call({style.Functional}.relu(bn.call(proj.call(input))));");
            w.Close();
            return new ModelSpec(name, InputKind.Vector, features, classes);
        }

        private static ModelSpec WriteTextClassifier(CodeWriter w, Rng rng, Style style, string name)
        {
            var vocab = rng.Pick(5000, 10000, 30000);
            var dim = rng.Pick(64, 128, 256);
            var classes = rng.Pick(2, 4, 20);
            WriteModuleStart(w, style, name, "Embedding, LayerNorm, a projection and a mean-pooled Linear head.");
            w.Line($"private readonly {style.Layer(rng, "Embedding")} embedding;");
            w.Line($"private readonly {style.Layer(rng, "LayerNorm")} norm;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} proj;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} classifier;");
            w.Line();
            w.Open($"public {name}(long vocabulary = {vocab}, long dim = {dim}, long classes = {classes})", $": base(nameof({name}))");
            w.Line($"embedding = {style.Nn}Embedding(vocabulary, dim);");
            w.Line($"norm = {style.Nn}LayerNorm(dim);");
            w.Line($"proj = {style.Nn}Linear(dim, dim);");
            w.Line($"classifier = {style.Nn}Linear(dim, classes);");
            EndConstructor(w, style, backbone: "embedding", head: "classifier");
            w.Open($"public override {style.Tensor} forward({style.Tensor} tokens)");
            w.Line("var x = norm.call(embedding.call(tokens));");
            w.Line($"x = {style.Functional}.gelu(proj.call(x));");
            w.Line("return classifier.call(x.mean(new long[] { 1 }));");
            w.Close();
            w.Close();
            return new ModelSpec(name, InputKind.Tokens, vocab, classes);
        }

        private static ModelSpec WriteWrapper(CodeWriter w, Rng rng, Style style, string name, ModelSpec inner)
        {
            WriteModuleStart(w, style, name, $"{inner.Name} followed by a calibration layer (a module in source holding another).");
            w.Line($"private readonly {inner.Name} inner;");
            w.Line($"private readonly {style.Layer(rng, "Linear")} calibration;");
            w.Line();
            w.Open($"public {name}({inner.Name} inner)", $": base(nameof({name}))");
            w.Line("this.inner = inner;");
            w.Line($"calibration = {style.Nn}Linear({inner.Classes}, {inner.Classes});");
            w.Line("RegisterComponents();");
            w.Close();
            w.Line();
            w.Line($"public {name}()");
            w.Line($"    : this(new {inner.Name}())");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line($"public {style.Module} Backbone => inner;");
            w.Line();
            w.Line($"public {style.Module} Head => calibration;");
            w.Line();
            w.Line($"public override {style.Tensor} forward({style.Tensor} input) => calibration.call(inner.call(input));");
            w.Close();
            return new ModelSpec(name, inner.Input, inner.Features, inner.Classes);
        }

        // ---------------------------------------------------------------------------------------
        // Data

        private static string Batch(ModelSpec model, Style s, string batchSize)
            => model.Input switch
            {
                InputKind.Image => $"{s.Torch}randn({batchSize}, 3, 32, 32)",
                InputKind.Tokens => $"{s.Torch}randint({model.Features}, new long[] {{ {batchSize}, 64 }})",
                _ => $"{s.Torch}randn({batchSize}, {model.Features})",
            };

        private static string Targets(ModelSpec model, Style s, string batchSize)
            => $"{s.Torch}randint({model.Classes}, new long[] {{ {batchSize} }})";

        // ---------------------------------------------------------------------------------------
        // Optimizers

        private sealed class OptimizerCode
        {
            public string FieldType = "";
            public readonly List<string> Setup = new List<string>();
            public string Expression = "";
            public readonly List<string> After = new List<string>();
            public bool IsLbfgs;
        }

        /// <summary>A double literal: 0.0001, 1.0e-5, 2.0.</summary>
        private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture) switch
        {
            var t when t.Contains('E') => value.ToString("0.0###e0", CultureInfo.InvariantCulture),
            var t when !t.Contains('.') => t + ".0",
            var t => t,
        };

        private static OptimizerCode ChooseOptimizer(Rng rng, Style s, string model, bool config)
        {
            var o = s.Optim;
            var code = new OptimizerCode { FieldType = o + ".Optimizer" };
            var lr = rng.Pick("1e-3", "3e-4", "0.01", "5e-4", "0.001", "2e-5");
            var ps = rng.Chance(0.85) ? $"{model}.parameters()" : $"{model}.named_parameters()";
            var lrValue = config ? "config.LearningRate" : lr;
            var wdValue = config ? "config.WeightDecay" : null;

            switch (rng.Next(30))
            {
                case 0:
                case 1:
                case 2:
                    // DECAY001: Adam with weight_decay (TorchSharp's SpeechCommands example does this).
                    code.Expression = $"{o}.Adam({ps}, lr: {lrValue}, weight_decay: {wdValue ?? rng.Pick("1e-4", "5e-4", "1e-5", "0.01")})";
                    break;
                case 3:
                case 4:
                    code.Expression = rng.Chance(0.5) ? $"{o}.Adam({ps}, {lr})" : $"{o}.Adam({ps})";
                    break;
                case 5:
                    code.FieldType = "Adam";
                    code.Expression = $"new Adam({model}.parameters(), lr: {lr}, weight_decay: 0)";
                    break;
                case 6:
                case 7:
                case 8:
                    code.Expression = $"{o}.AdamW({ps}, lr: {lrValue}, weight_decay: {wdValue ?? rng.Pick("0.01", "0.05", "0.1")})";
                    break;
                case 9:
                case 10:
                    // DECAY007: AdamW without weight_decay (TorchSharp's default is 0).
                    code.Expression = $"{o}.AdamW({ps}, lr: {lrValue})";
                    break;
                case 11:
                    code.FieldType = "AdamW";
                    code.Expression = $"new AdamW({model}.parameters(), {lr}, 0.9, 0.999, 1e-8, {rng.Pick("0.05", "0.01")})";
                    break;
                case 12:
                    code.Expression = $"{o}.AdamW({ps}, {lr}, weight_decay: 0.1, amsgrad: true)";
                    break;
                case 13:
                case 14:
                    code.Expression = $"{o}.SGD({ps}, {rng.Pick("0.1", "0.01", "0.05")}, momentum: 0.9, weight_decay: {rng.Pick("5e-4", "1e-4")})";
                    break;
                case 15:
                    // DECAY013: maximize with weight decay in SGD.
                    code.Expression = $"{o}.SGD({ps}, learningRate: 0.01, weight_decay: 1e-4, maximize: true)";
                    break;
                case 16:
                    code.FieldType = "SGD";
                    code.Expression = $"new SGD({model}.parameters(), lr: 0.1, momentum: 0.9, nesterov: true)";
                    break;
                case 17:
                    code.Expression = $"{o}.SGD({ps}, learningRate: {lrValue})";
                    break;
                case 18:
                    code.Expression = $"{o}.RMSProp({ps}, lr: 0.01, alpha: 0.9, weight_decay: 1e-5)";
                    break;
                case 19:
                    code.Expression = rng.Chance(0.5)
                        ? $"{o}.Adagrad({ps}, lr: 0.01, weight_decay: 1e-4)"
                        : $"{o}.Adadelta({ps}, rho: 0.95, weight_decay: 1e-5)";
                    break;
                case 20:
                    code.Expression = rng.Chance(0.5)
                        ? $"{o}.Adamax({ps}, lr: 0.002, weight_decay: 1e-4)"
                        : $"{o}.NAdam({ps}, lr: 0.002, weight_decay: 1e-4)";
                    break;
                case 21:
                    code.Expression = rng.Chance(0.5)
                        ? $"{o}.RAdam({ps}, lr: {lr})"
                        : $"{o}.ASGD({ps}, lr: 0.01, weight_decay: 1e-5)";
                    break;
                case 22:
                    code.Expression = rng.Chance(0.6) ? $"{o}.Rprop({ps})" : $"{o}.LBFGS({ps}, lr: 1, max_iter: 20)";
                    code.IsLbfgs = code.Expression.Contains("LBFGS", System.StringComparison.Ordinal);
                    break;
                case 23:
                case 24:
                    // Biases and norms excluded by dim(): the recipe most codebases use.
                    code.Setup.Add($"var decay = {model}.parameters().Where(p => p.dim() >= 2).ToList();");
                    code.Setup.Add($"var noDecay = {model}.parameters().Where(p => p.dim() < 2).ToList();");
                    code.Expression = $"{o}.AdamW(new AdamW.ParamGroup[]\n"
                        + "{\n"
                        + $"    new AdamW.ParamGroup(decay, new AdamW.Options {{ weight_decay = {rng.Pick("0.05", "0.1")} }}),\n"
                        + "    new AdamW.ParamGroup(noDecay, new AdamW.Options { weight_decay = 0.0 }),\n"
                        + $"}}, lr: {lrValue})";
                    break;
                case 25:
                    // A Hugging-Face-style port: only the no-decay group sets weight_decay.
                    code.Setup.Add($"var named = {model}.named_parameters().ToList();");
                    code.Setup.Add("var withDecay = named.Where(np => !np.name.EndsWith(\"bias\") && !np.name.Contains(\"norm\")).Select(np => np.parameter);");
                    code.Setup.Add("var withoutDecay = named.Where(np => np.name.EndsWith(\"bias\") || np.name.Contains(\"norm\")).Select(np => np.parameter);");
                    code.Expression = $"{o}.AdamW(new[]\n"
                        + "{\n"
                        + "    new AdamW.ParamGroup(withDecay, new AdamW.Options()),\n"
                        + "    new AdamW.ParamGroup(withoutDecay, new AdamW.Options { weight_decay = 0 }),\n"
                        + $"}}, lr: {lr})";
                    break;
                case 26:
                    // DECAY008: positional ParamGroup constructors pin lr to their own defaults.
                    code.Expression = $"{o}.Adam(new Adam.ParamGroup[]\n"
                        + "{\n"
                        + $"    new Adam.ParamGroup({model}.Backbone.parameters(), weight_decay: 1e-4),\n"
                        + $"    new Adam.ParamGroup({model}.Head.parameters(), lr: 1e-3),\n"
                        + $"}}, lr: {lr})";
                    break;
                case 27:
                    // TorchSharp's own tests: object initializers, target-typed new.
                    code.Expression = $"{o}.SGD(new SGD.ParamGroup[]\n"
                        + "{\n"
                        + $"    new() {{ Parameters = {model}.Backbone.parameters(), Options = new() {{ LearningRate = 0.005, momentum = 0.9 }} }},\n"
                        + $"    new() {{ Parameters = {model}.Head.parameters() }},\n"
                        + "}, 0.01, momentum: 0.5)";
                    break;
                case 28:
                    // A YOLO port: groups that set no weight_decay, decay on the optimizer.
                    code.Setup.Add($"var weights = {model}.parameters().Where(p => p.dim() > 1).ToList();");
                    code.Setup.Add($"var others = {model}.parameters().Where(p => p.dim() <= 1).ToList();");
                    code.Expression = $"{o}.SGD(new[]\n"
                        + "{\n"
                        + "    new SGD.ParamGroup(weights, new SGD.Options { momentum = 0.937 }),\n"
                        + "    new SGD.ParamGroup(others, new SGD.Options { nesterov = true, momentum = 0.9 }),\n"
                        + "}, 0.01, momentum: 0.937, weight_decay: 5e-4)";
                    break;
                default:
                    // Fine-tuning: backbone first, head added as its own group.
                    code.FieldType = "AdamW";
                    code.Expression = $"{o}.AdamW({model}.Backbone.parameters(), lr: 1e-4, weight_decay: 0.01)";
                    code.After.Add($"optimizer.add_param_group(new AdamW.ParamGroup({model}.Head.parameters(), new AdamW.Options {{ LearningRate = 1e-3, weight_decay = 0.0 }}));");
                    break;
            }

            return code;
        }

        private static void WriteStatement(CodeWriter w, string statement)
        {
            foreach (var line in statement.Split('\n'))
            {
                w.Line(line);
            }
        }

        // ---------------------------------------------------------------------------------------
        // Penalties: the shapes RULES.md names, squared and not, attached and detached.

        private sealed class PenaltyCode
        {
            public readonly List<string> BeforeBackward = new List<string>();
            public readonly List<string> AfterBackward = new List<string>();
            public bool NeedsHelper;
            public bool HelperUsesNorm;
        }

        private static PenaltyCode ChoosePenalty(Rng rng, Style s, string model, string lambda, string helperCall)
        {
            var t = s.Torch;
            var p = new PenaltyCode();

            // var local = init; foreach (var p in model.parameters()) { body } loss = loss + λ·local;
            void Accumulate(string local, string init, string body, string scale = "", bool afterBackward = false)
            {
                p.BeforeBackward.Add($"var {local} = {init};");
                p.BeforeBackward.Add($"foreach (var p in {model}.parameters())");
                p.BeforeBackward.Add("{");
                p.BeforeBackward.Add("    " + body);
                p.BeforeBackward.Add("}");
                if (afterBackward)
                {
                    p.AfterBackward.Add($"loss = loss + {lambda}{scale} * {local};");
                    return;
                }

                p.BeforeBackward.Add("");
                p.BeforeBackward.Add($"loss = loss + {lambda}{scale} * {local};");
            }

            switch (rng.Next(22))
            {
                case 0:
                case 1:
                case 2:
                    Accumulate("l2", $"{t}tensor(0.0f)", "l2 += p.pow(2).sum();");
                    break;
                case 3:
                    // DECAY002: a norm that is not squared.
                    Accumulate("l2", $"{t}zeros(1)", "l2 = l2 + p.norm();");
                    break;
                case 4:
                    // DECAY010 (+002): PyTorch's torch.norm(p, 2) ported literally.
                    Accumulate("reg", $"{t}tensor(0.0f)", rng.Chance(0.5) ? "reg = reg + p.norm(2);" : $"reg = reg + {(t.Length == 0 ? "torch." : t)}norm(p, 2);");
                    break;
                case 5:
                    Accumulate("l2", $"{t}tensor(0.0f)", "l2 = l2 + p.norm(2f).pow(2);", scale: " / 2");
                    break;
                case 6:
                case 7:
                    p.BeforeBackward.Add($"var l2 = {model}.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * l2;");
                    break;
                case 8:
                    p.BeforeBackward.Add($"var penalty = {model}.parameters().Select(p => p.square().sum()).Aggregate({t}tensor(0.0f), (acc, term) => acc + term);");
                    p.BeforeBackward.Add($"loss += {lambda} * penalty;");
                    break;
                case 9:
                    // DECAY002 over all parameters at once.
                    p.BeforeBackward.Add($"var l2 = torch.nn.utils.parameters_to_vector({model}.parameters()).norm();");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * l2;");
                    break;
                case 10:
                    p.BeforeBackward.Add($"var l2 = torch.nn.utils.parameters_to_vector({model}.parameters()).pow(2).sum();");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * l2;");
                    break;
                case 11:
                case 12:
                    p.NeedsHelper = true;
                    p.HelperUsesNorm = rng.Chance(0.3);
                    p.BeforeBackward.Add($"loss = loss + {lambda} * {helperCall};");
                    break;
                case 13:
                    // DECAY005: detached through item<T>().
                    p.BeforeBackward.Add($"var reg = {model}.parameters().Select(p => p.pow(2).sum().item<float>()).Sum();");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * reg;");
                    break;
                case 14:
                    // DECAY005: detach().
                    Accumulate("l2", $"{t}tensor(0.0f)", "l2 += p.pow(2).sum().detach();");
                    break;
                case 15:
                    // DECAY005: computed under no_grad.
                    p.BeforeBackward.Add($"var l2 = {t}tensor(0.0f);");
                    p.BeforeBackward.Add("using (torch.no_grad())");
                    p.BeforeBackward.Add("{");
                    p.BeforeBackward.Add($"    foreach (var p in {model}.parameters())");
                    p.BeforeBackward.Add("    {");
                    p.BeforeBackward.Add("        l2 += p.pow(2).sum();");
                    p.BeforeBackward.Add("    }");
                    p.BeforeBackward.Add("}");
                    p.BeforeBackward.Add("");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * l2;");
                    break;
                case 16:
                    // DECAY011: the total is never backpropagated.
                    p.BeforeBackward.Add($"var l2 = {model}.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);");
                    p.BeforeBackward.Add($"var objective = loss + {lambda} * l2;");
                    break;
                case 17:
                    // DECAY011: added after backward.
                    Accumulate("l2", $"{t}tensor(0.0f)", "l2 += p.pow(2).sum();", afterBackward: true);
                    break;
                case 18:
                    // L1 on weights only, filtered by name.
                    p.BeforeBackward.Add($"var l1 = {t}tensor(0.0f);");
                    p.BeforeBackward.Add($"foreach (var (name, p) in {model}.named_parameters())");
                    p.BeforeBackward.Add("{");
                    p.BeforeBackward.Add("    if (name.EndsWith(\"weight\"))");
                    p.BeforeBackward.Add("    {");
                    p.BeforeBackward.Add("        l1 = l1 + p.abs().sum();");
                    p.BeforeBackward.Add("    }");
                    p.BeforeBackward.Add("}");
                    p.BeforeBackward.Add("");
                    p.BeforeBackward.Add($"loss = loss + {lambda} * l1;");
                    break;
                case 19:
                    // DECAY002 through torch.linalg.
                    Accumulate("reg", $"{t}tensor(0.0f)", rng.Chance(0.5) ? "reg = reg + torch.linalg.vector_norm(p);" : "reg = reg + torch.linalg.norm(p);");
                    break;
                default:
                    // No penalty (most training loops).
                    break;
            }

            return p;
        }

        private static void WriteL2Helper(CodeWriter w, Style s, string model, bool norm)
        {
            w.Line();
            w.Line("/// <summary>Sum of squares of every parameter.</summary>");
            w.Open($"private {s.Tensor} L2Penalty()");
            w.Line($"var total = {s.Torch}tensor(0.0f);");
            w.Open($"foreach (var p in {model}.parameters())");
            w.Line(norm ? "total = total + p.norm();" : "total = total + p.pow(2).sum();");
            w.Close();
            w.Line();
            w.Line("return total;");
            w.Close();
        }

        // ---------------------------------------------------------------------------------------
        // Freezing: staged fine-tuning, correct and not.

        private enum FreezeKind
        {
            None,
            InLoop,
            InLoopClearingGrad,
            MethodCalledFromLoop,
            BeforeTraining,
            Staged,
        }

        private static void WriteFreezeLoop(CodeWriter w, string model, bool value, bool clearGrad, bool useMethod)
        {
            w.Open($"foreach (var p in {model}.Backbone.parameters())");
            w.Line(useMethod ? $"p.requires_grad_({(value ? "true" : "false")});" : $"p.requires_grad = {(value ? "true" : "false")};");
            if (clearGrad)
            {
                w.Line("p.grad = null;");
            }

            w.Close();
        }

        /// <summary>One optimization step on (input, target): LBFGS's closure form, or zero_grad,
        /// the loss, the penalty around backward(), <paramref name="beforeStep"/> and step().</summary>
        private static void WriteStep(CodeWriter w, Style s, OptimizerCode optimizer, PenaltyCode penalty, string input, string target,
            string zeroGrad, IEnumerable<string> lossLines, IEnumerable<string> beforeStep)
        {
            if (optimizer.IsLbfgs)
            {
                w.Line("var loss = optimizer.step(() =>");
                w.Line("{");
                w.Line("    optimizer.zero_grad();");
                w.Line($"    var l = {s.Functional}.cross_entropy(model.call({input}), {target});");
                w.Line("    l.backward();");
                w.Line("    return l;");
                w.Line("});");
                return;
            }

            w.Line(zeroGrad);
            foreach (var line in lossLines.Concat(penalty.BeforeBackward))
            {
                w.Line(line);
            }

            w.Line("loss.backward();");
            foreach (var line in penalty.AfterBackward.Concat(beforeStep))
            {
                w.Line(line);
            }

            w.Line("optimizer.step();");
        }

        // ---------------------------------------------------------------------------------------
        // Trainer

        private static SourceFile WriteTrainer(Rng rng, string ns, int index, ModelSpec model)
        {
            var s = rng.Pick(StaticTorch, StaticTorch, Qualified);
            var w = new CodeWriter();
            WriteHeader(w, s, ns);
            var suffix = index.ToString(CultureInfo.InvariantCulture);
            var configName = "TrainingConfig" + suffix;
            var trainerName = model.Name + "Trainer";
            var useConfig = rng.Chance(0.3);
            var optimizer = ChooseOptimizer(rng, s, "model", useConfig);
            var penalty = optimizer.IsLbfgs ? new PenaltyCode() : ChoosePenalty(rng, s, "model", "l2Lambda", "L2Penalty()");
            var freeze = optimizer.IsLbfgs ? FreezeKind.None : (FreezeKind)rng.Next(9) switch
            {
                FreezeKind.InLoop => FreezeKind.InLoop,
                FreezeKind.InLoopClearingGrad => FreezeKind.InLoopClearingGrad,
                FreezeKind.MethodCalledFromLoop => FreezeKind.MethodCalledFromLoop,
                FreezeKind.BeforeTraining => FreezeKind.BeforeTraining,
                FreezeKind.Staged => FreezeKind.Staged,
                _ => FreezeKind.None,
            };
            var modelZeroGrad = rng.Chance(0.15);
            var clip = rng.Chance(0.35);
            var scheduler = rng.Pick("", "", "StepLR", "CosineAnnealingLR", "ExponentialLR");
            var criterion = rng.Chance(0.5);

            w.Line("/// <summary>Hyperparameters, as read from a settings file.</summary>");
            w.Open($"public sealed record {configName}(double LearningRate, double WeightDecay, int Epochs, int FreezeEpoch, int LogEvery = 50)");
            w.Line($"public static {configName} Default {{ get; }} = new {configName}({Num(rng.Pick(1e-3, 3e-4, 0.01))}, {Num(rng.Pick(1e-4, 0.01, 0.05))}, {rng.Between(5, 50)}, {rng.Between(2, 5)});");
            w.Line();
            w.Line($"public {configName} WithEpochs(int epochs) => this with {{ Epochs = epochs }};");
            w.Close();
            w.Line();

            w.Line($"/// <summary>Trains a {model.Name}.</summary>");
            w.Open($"public sealed class {trainerName}");
            w.Line($"private readonly {model.Name} model;");
            w.Line($"private readonly {configName} config;");
            w.Line($"private readonly {optimizer.FieldType} optimizer;");
            if (scheduler.Length > 0)
            {
                w.Line($"private readonly {s.Optim}.lr_scheduler.LRScheduler scheduler;");
            }

            if (criterion)
            {
                w.Line("private readonly CrossEntropyLoss criterion = " + s.Nn + "CrossEntropyLoss();");
            }

            w.Line($"private readonly double l2Lambda = {Num(rng.Pick(1e-4, 1e-5, 5e-4))};");
            w.Line("private readonly Dictionary<string, float> metrics = new Dictionary<string, float>();");
            w.Line("private int step;");
            w.Line();

            w.Open($"public {trainerName}({model.Name} model, {configName} config)");
            w.Line("this.model = model;");
            w.Line("this.config = config;");
            if (freeze == FreezeKind.BeforeTraining)
            {
                w.Line("// Linear probing: the backbone never trains.");
                WriteFreezeLoop(w, "model", false, false, rng.Chance(0.5));
                w.Line();
            }

            foreach (var line in optimizer.Setup)
            {
                w.Line(line);
            }

            WriteStatement(w, "optimizer = " + optimizer.Expression + ";");
            foreach (var line in optimizer.After)
            {
                w.Line(line);
            }

            switch (scheduler)
            {
                case "StepLR":
                    w.Line($"scheduler = {s.Optim}.lr_scheduler.StepLR(optimizer, {rng.Between(5, 30)}, 0.5);");
                    break;
                case "CosineAnnealingLR":
                    w.Line($"scheduler = {s.Optim}.lr_scheduler.CosineAnnealingLR(optimizer, config.Epochs);");
                    break;
                case "ExponentialLR":
                    w.Line($"scheduler = {s.Optim}.lr_scheduler.ExponentialLR(optimizer, 0.95);");
                    break;
            }

            w.Close();
            w.Line();

            w.Line("public IReadOnlyDictionary<string, float> Metrics => metrics;");
            w.Line();

            // The training epoch.
            w.Open($"public float TrainEpoch(IReadOnlyList<({s.Tensor} Input, {s.Tensor} Target)> batches, int epoch)");
            w.Line("model.train();");
            if (freeze == FreezeKind.InLoop || freeze == FreezeKind.InLoopClearingGrad)
            {
                w.Open("if (epoch == config.FreezeEpoch)");
                WriteFreezeLoop(w, "model", false, freeze == FreezeKind.InLoopClearingGrad, rng.Chance(0.3));
                w.Close();
                w.Line();
            }
            else if (freeze == FreezeKind.MethodCalledFromLoop)
            {
                w.Open("if (epoch == config.FreezeEpoch)");
                w.Line("FreezeBackbone();");
                w.Close();
                w.Line();
            }
            else if (freeze == FreezeKind.Staged)
            {
                w.Open("if (epoch == config.FreezeEpoch)");
                w.Line("SetBackboneTrainable(false);");
                w.Close();
                w.Open("else if (epoch == 2 * config.FreezeEpoch)");
                w.Line("SetBackboneTrainable(true);");
                w.Close();
                w.Line();
            }

            w.Line("var total = 0.0f;");
            w.Open("foreach (var (input, target) in batches)");
            w.Line($"using var scope = {(s.Torch.Length == 0 ? "torch." : s.Torch)}NewDisposeScope();");
            var lossLines = optimizer.IsLbfgs ? Array.Empty<string>() : new[]
            {
                "var output = model.call(input);",
                criterion
                    ? "var loss = criterion.call(output, target);"
                    : rng.Chance(0.5) ? $"var loss = {s.Functional}.cross_entropy(output, target);" : $"var loss = {s.Functional}.cross_entropy(output, target, label_smoothing: 0.1);",
            };
            var clipLines = clip
                ? new[] { "var gradNorm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm: 1.0);", "metrics[\"grad_norm\"] = (float)gradNorm;" }
                : Array.Empty<string>();
            WriteStep(w, s, optimizer, penalty, "input", "target", modelZeroGrad ? "model.zero_grad();" : "optimizer.zero_grad();", lossLines, clipLines);

            w.Line("total += loss.ToSingle();");
            w.Line("step++;");
            w.Open("if (step % config.LogEvery == 0)");
            w.Line("Console.WriteLine($\"step {step}: loss {loss.ToSingle():F4}\");");
            w.Close();
            w.Close();
            w.Line();
            if (scheduler.Length > 0)
            {
                w.Line("scheduler.step();");
            }

            w.Line("metrics[\"train_loss\"] = total / Math.Max(1, batches.Count);");
            w.Line("return metrics[\"train_loss\"];");
            w.Close();
            w.Line();

            // Evaluation.
            w.Open($"public float Evaluate(IReadOnlyList<({s.Tensor} Input, {s.Tensor} Target)> batches)");
            w.Line("model.eval();");
            w.Line("var correct = 0.0f;");
            w.Line("var count = 0L;");
            w.Open("using (torch.no_grad())");
            w.Open("foreach (var (input, target) in batches)");
            w.Line("var logits = model.call(input);");
            w.Line("correct += logits.argmax(1).eq(target).sum().ToSingle();");
            w.Line("count += target.shape[0];");
            w.Close();
            w.Close();
            w.Line();
            w.Line("metrics[\"accuracy\"] = count == 0 ? 0.0f : correct / count;");
            w.Line("return metrics[\"accuracy\"];");
            w.Close();
            w.Line();

            // Norms for logging: must never count as penalties.
            w.Open("public void LogWeightNorms()");
            w.Open("foreach (var (name, p) in model.named_parameters())");
            w.Line(rng.Chance(0.5)
                ? "metrics[\"norm/\" + name] = p.norm().ToSingle();"
                : "metrics[\"norm/\" + name] = p.detach().norm(2f).item<float>();");
            w.Close();
            w.Line();
            w.Line("var largest = metrics.Where(kv => kv.Key.StartsWith(\"norm/\")).OrderByDescending(kv => kv.Value).Take(3);");
            w.Line("Console.WriteLine(string.Join(\", \", largest.Select(kv => $\"{kv.Key}={kv.Value:F3}\")));");
            w.Close();

            if (penalty.NeedsHelper)
            {
                WriteL2Helper(w, s, "model", penalty.HelperUsesNorm);
            }

            if (freeze == FreezeKind.MethodCalledFromLoop)
            {
                w.Line();
                w.Open("private void FreezeBackbone()");
                WriteFreezeLoop(w, "model", false, rng.Chance(0.3), rng.Chance(0.5));
                w.Line();
                w.Line("Console.WriteLine(\"backbone frozen\");");
                w.Close();
            }
            else if (freeze == FreezeKind.Staged)
            {
                w.Line();
                w.Open("private void SetBackboneTrainable(bool trainable)");
                w.Open("foreach (var p in model.Backbone.parameters())");
                w.Line("p.requires_grad = trainable;");
                w.Close();
                w.Close();
            }

            if (rng.Chance(0.4))
            {
                // Manual decoupled decay under no_grad: an update loop, not a penalty.
                w.Line();
                w.Open("public void ApplyManualDecay(double lr, double wd)");
                w.Open("using (torch.no_grad())");
                w.Open("foreach (var p in model.parameters())");
                w.Open("if (p.dim() > 1)");
                w.Line("p.mul_(1.0 - lr * wd);");
                w.Close();
                w.Close();
                w.Close();
                w.Close();
            }

            w.Close();
            w.Line();

            // A plain helper class, as training code has: early stopping.
            w.Line("/// <summary>Stops training when the validation metric stops improving.</summary>");
            w.Open($"public sealed class EarlyStopping{suffix}");
            w.Line("private readonly int patience;");
            w.Line("private float best = float.NegativeInfinity;");
            w.Line("private int bad;");
            w.Line();
            w.Line($"public EarlyStopping{suffix}(int patience = {rng.Between(3, 10)}) => this.patience = patience;");
            w.Line();
            w.Open("public bool ShouldStop(float metric)");
            w.Open("if (metric > best + 1e-4f)");
            w.Line("best = metric;");
            w.Line("bad = 0;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("return ++bad >= patience;");
            w.Close();
            w.Close();
            return new SourceFile($"Project{index}/{trainerName}.cs", w);
        }

        // ---------------------------------------------------------------------------------------
        // Experiment: everything in one method, as scripts and samples are written.

        private static SourceFile WriteExperiment(Rng rng, string ns, int index, ModelSpec model)
        {
            var s = rng.Pick(StaticTorch, Qualified);
            var w = new CodeWriter();
            WriteHeader(w, s, ns);
            var suffix = index.ToString(CultureInfo.InvariantCulture);
            var batchSize = rng.Pick(32, 64, 128);
            w.Line("/// <summary>A self-contained experiment: data, model, optimizer and loop in one method.</summary>");
            w.Open($"public static class Experiment{suffix}");
            w.Open($"public static List<({s.Tensor} Input, {s.Tensor} Target)> SyntheticBatches(int count, int batchSize = {batchSize})");
            w.Line($"var batches = new List<({s.Tensor} Input, {s.Tensor} Target)>(count);");
            w.Open("for (var i = 0; i < count; i++)");
            w.Line($"batches.Add(({Batch(model, s, "batchSize")}, {Targets(model, s, "batchSize")}));");
            w.Close();
            w.Line();
            w.Line("return batches;");
            w.Close();
            w.Line();

            w.Open("public static float Run(int epochs, int seed = 42)");
            w.Line($"{(s.Torch.Length == 0 ? "torch." : s.Torch)}random.manual_seed(seed);");
            w.Line($"var model = new {model.Name}();");
            var optimizer = ChooseOptimizer(rng, s, "model", config: false);
            foreach (var line in optimizer.Setup)
            {
                w.Line(line);
            }

            WriteStatement(w, $"var optimizer = {optimizer.Expression};");
            foreach (var line in optimizer.After)
            {
                w.Line(line);
            }

            w.Line("var train = SyntheticBatches(20);");
            w.Line("var lastLoss = 0.0f;");
            var penalty = optimizer.IsLbfgs ? new PenaltyCode() : ChoosePenalty(rng, s, "model", Num(rng.Pick(1e-4, 1e-3)), "L2Penalty(model)");
            var freezeAt = !optimizer.IsLbfgs && rng.Chance(0.3);
            w.Open("for (var epoch = 0; epoch < epochs; epoch++)");
            if (freezeAt)
            {
                w.Open($"if (epoch == epochs / 2)");
                WriteFreezeLoop(w, "model", false, rng.Chance(0.4), false);
                w.Close();
                w.Line();
            }

            w.Open("foreach (var (x, y) in train)");
            WriteStep(w, s, optimizer, penalty, "x", "y", "optimizer.zero_grad();", new[] { $"var loss = {s.Functional}.cross_entropy(model.call(x), y);" }, Array.Empty<string>());

            w.Line("lastLoss = loss.ToSingle();");
            w.Close();
            w.Line();
            w.Line("Console.WriteLine($\"epoch {epoch}: {lastLoss:F4}\");");
            w.Close();
            w.Line();
            w.Line("return lastLoss;");
            w.Close();

            if (penalty.NeedsHelper)
            {
                w.Line();
                w.Open($"private static {s.Tensor} L2Penalty({model.Name} model)");
                w.Line($"var total = {s.Torch}tensor(0.0f);");
                w.Open("foreach (var p in model.parameters())");
                w.Line("total = total + p.pow(2).sum();");
                w.Close();
                w.Line();
                w.Line("return total;");
                w.Close();
            }

            w.Close();
            return new SourceFile($"Project{index}/Experiment.cs", w);
        }
    }
}
