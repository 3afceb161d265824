// Model of src/TorchSharp/NN/Sequential.cs (no nullable context in the real file).
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// This class is used to represent a Sequential module.
        /// </summary>
        public class Sequential : torch.nn.Module<Tensor, Tensor>
        {
            public Sequential append(string name, torch.nn.IModule<Tensor, Tensor> module) => throw new NotImplementedException();

            public Sequential append(torch.nn.IModule<Tensor, Tensor> module) => throw new NotImplementedException();

            public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) => throw new NotImplementedException();

            public override IEnumerable<(string name, torch.nn.Module module)> named_children() => throw new NotImplementedException();

            public override IEnumerable<(string name, torch.nn.Module module)> named_modules() => throw new NotImplementedException();

            internal Sequential(IntPtr handle) : base(handle, IntPtr.Zero) => throw new NotImplementedException();

            /// <summary>
            /// Constructor, intended for derived modules.
            /// </summary>
            protected Sequential(params (string name, torch.nn.Module<Tensor, Tensor> submodule)[] modules) : base(IntPtr.Zero, IntPtr.Zero) => throw new NotImplementedException();

            /// <summary>
            /// Constructor, intended for derived modules.
            /// </summary>
            protected Sequential(params torch.nn.Module<Tensor, Tensor>[] modules) : base(IntPtr.Zero, IntPtr.Zero) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            public override nn.Module apply(Action<nn.Module> fn) => throw new NotImplementedException();

            /// <summary>
            /// The number of modules in the Sequential collection.
            /// </summary>
            public int Count => throw new NotImplementedException();

            [IndexerName("SequentialItems")]
            public nn.IModule<Tensor, Tensor> this[int index] => throw new NotImplementedException();

            [IndexerName("SequentialItems")]
            public Sequential this[(int? start, int? end) index] => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public override void train(bool on = true) => throw new NotImplementedException();

            public override void eval() => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Get empty sequential
            /// </summary>
            public static Sequential Sequential() => throw new NotImplementedException();

            /// <summary>
            /// A sequential container; children are named by the given names.
            /// </summary>
            public static Sequential Sequential(params (string name, torch.nn.Module<Tensor, Tensor> submodule)[] modules) => throw new NotImplementedException();

            /// <summary>
            /// A sequential container; children are named "0", "1", ...
            /// </summary>
            public static Sequential Sequential(params torch.nn.Module<Tensor, Tensor>[] modules) => throw new NotImplementedException();

            public static Sequential Sequential(params System.Tuple<string, torch.nn.Module<Tensor, Tensor>>[] modules) => throw new NotImplementedException();

            public static Sequential Sequential(IEnumerable<(string name, torch.nn.Module<Tensor, Tensor> submodule)> modules) => throw new NotImplementedException();

            public static Sequential Sequential(IEnumerable<System.Tuple<string, torch.nn.Module<Tensor, Tensor>>> modules) => throw new NotImplementedException();

            public static Sequential Sequential(IEnumerable<torch.nn.Module<Tensor, Tensor>> modules) => throw new NotImplementedException();
        }
    }
}
