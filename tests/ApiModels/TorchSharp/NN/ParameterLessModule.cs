// Model of the ParameterLessModule base (2-arity form only).
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        public interface IParameterLessModule
        {
        }

        /// <summary>
        /// Base class for all modules that do not have any tensor parameters or buffers.
        /// </summary>
        public abstract class ParameterLessModule<T1, TResult> : nn.Module<T1, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) => throw new NotImplementedException();

            protected ParameterLessModule(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();
        }
    }
}
