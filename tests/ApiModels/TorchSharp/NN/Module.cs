// Model of src/TorchSharp/NN/Module.cs.
using System;
using System.Collections.Generic;
using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Base class for all neural network modules.
            /// </summary>
            public class Module : IDisposable
            {
                internal Module(IntPtr handle, IntPtr? boxedHandle, bool ownsHandle = true) => throw new NotImplementedException();

                public void Dispose() => throw new NotImplementedException();

                protected virtual void Dispose(bool disposing) => throw new NotImplementedException();

                protected internal virtual Module _to(Device device, ScalarType dtype, bool non_blocking) => throw new NotImplementedException();

                protected internal virtual Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) => throw new NotImplementedException();

                protected internal virtual Module _to(ScalarType dtype, bool non_blocking) => throw new NotImplementedException();

                protected DeviceType _deviceType;
                protected int _deviceIndex;

                protected static bool ReplaceBuffer(ScalarType? dtype, Device? device, Tensor buffer, out Tensor? result) => throw new NotImplementedException();

                protected static bool ReplaceParameter(ScalarType? dtype, Device? device, Parameter param, out Parameter? p) => throw new NotImplementedException();

                public Module _to(Tensor other, bool non_blocking) => throw new NotImplementedException();

                public virtual Module apply(Action<Module> fn) => throw new NotImplementedException();

                public virtual void train(bool train = true) => throw new NotImplementedException();

                public virtual void eval() => throw new NotImplementedException();

                public virtual bool training => throw new NotImplementedException();

                public virtual void zero_grad(bool set_to_none = true) => throw new NotImplementedException();

                public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true) => throw new NotImplementedException();

                public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) => throw new NotImplementedException();

                public virtual IEnumerable<(string name, Module module)> named_children() => throw new NotImplementedException();

                public virtual IEnumerable<(string name, Module module)> named_modules() => throw new NotImplementedException();

                public virtual IEnumerable<Module> modules() => throw new NotImplementedException();

                public virtual IEnumerable<Module> children() => throw new NotImplementedException();

                public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) => throw new NotImplementedException();

                public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null) => throw new NotImplementedException();

                protected virtual (string name, Parameter parameter)[] _named_parameters() => throw new NotImplementedException();

                protected virtual (string name, Tensor buffer)[] _named_buffers() => throw new NotImplementedException();

                public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) => throw new NotImplementedException();

                protected virtual Parameter[] _parameters(bool recurse = true) => throw new NotImplementedException();

                public virtual IEnumerable<Parameter> parameters(bool recurse = true) => throw new NotImplementedException();

                public virtual bool has_buffer(string target) => throw new NotImplementedException();

                public virtual bool has_parameter(string target) => throw new NotImplementedException();

                public virtual Tensor? get_buffer(string target) => throw new NotImplementedException();

                public virtual Parameter? get_parameter(string target) => throw new NotImplementedException();

                public virtual void register_buffer(string name, Tensor tensor, bool persistent = true) => throw new NotImplementedException();

                public virtual void register_parameter(string name, Parameter param) => throw new NotImplementedException();

                public void add_module(string name, Module module) => throw new NotImplementedException();

                public virtual void register_module(string name, Module submodule) => throw new NotImplementedException();

                protected void ConditionallyRegisterParameter(string name, Tensor value) => throw new NotImplementedException();

                protected void ConditionallyRegisterParameter(string name, Parameter? value) => throw new NotImplementedException();

                protected void ConditionallyRegisterBuffer(string name, Tensor? value, bool persistent = true) => throw new NotImplementedException();

                public virtual string GetName() => throw new NotImplementedException();

                public Module save(string location, IList<string>? skip = null) => throw new NotImplementedException();

                public Module save(System.IO.BinaryWriter writer, IList<string>? skip = null) => throw new NotImplementedException();

                public Module save(System.IO.Stream stream, IList<string>? skip = null) => throw new NotImplementedException();

                public static void save_state_dict(System.IO.BinaryWriter writer, Dictionary<string, Tensor> sd, IList<string>? skip = null) => throw new NotImplementedException();

                public virtual Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null) => throw new NotImplementedException();

                public virtual Module load(System.IO.BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null) => throw new NotImplementedException();

                public Module load(System.IO.Stream stream, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null) => throw new NotImplementedException();

                public static Module Create<T>(string path) where T : Module, new() => throw new NotImplementedException();

                /// <summary>
                /// Constructor for custom modules, i.e. those defined outside of TorchSharp.
                /// </summary>
                protected Module(string name) => throw new NotImplementedException();

                /// <summary>
                /// Registers every Module / Parameter / Tensor field (including inherited ones) as submodule / parameter / buffer.
                /// </summary>
                protected virtual void RegisterComponents() => throw new NotImplementedException();

                protected static (Device device, ScalarType dtype) GetDefaultDeviceAndType(Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

                protected void ClearModules() => throw new NotImplementedException();

                protected string? name;
            }

            public interface IModule<T, TResult>
            {
                TResult call(T input1);
            }

            public interface IModule<T1, T2, TResult>
            {
                TResult call(T1 input1, T2 input2);
            }

            public interface IModule<T1, T2, T3, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3);
            }

            public interface IModule<T1, T2, T3, T4, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4);
            }

            public interface IModule<T1, T2, T3, T4, T5, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5);
            }

            public interface IModule<T1, T2, T3, T4, T5, T6, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6);
            }

            /// <summary>
            /// Represents a module that accepts 'hook' to the module logic.
            /// </summary>
            public class HookableModule<TPreHook, TPostHook> : Module
            {
                protected HookableModule(string name) : base(name) => throw new NotImplementedException();

                protected HookableModule(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                public HookRemover register_forward_hook(TPostHook hook) => throw new NotImplementedException();

                public HookRemover register_forward_pre_hook(TPreHook hook) => throw new NotImplementedException();

                public HookRemover register_forward_hook(Action<Module> hook) => throw new NotImplementedException();

                public HookRemover register_forward_pre_hook(Action<Module> hook) => throw new NotImplementedException();

                protected Dictionary<string, TPreHook> pre_hooks;
                protected Dictionary<string, TPostHook> post_hooks;

                protected Dictionary<string, Action<Module>> module_pre_hooks;
                protected Dictionary<string, Action<Module>> module_post_hooks;

                /// <summary>
                /// Used to remove a specific hook, following the PyTorch API design.
                /// </summary>
                public class HookRemover
                {
                    public HookRemover(HookableModule<TPreHook, TPostHook> module, string key) => throw new NotImplementedException();

                    public void remove() => throw new NotImplementedException();
                }
            }

            public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T input);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T input) => throw new NotImplementedException();
            }

            public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T1 input1, T2 input2);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T1 input1, T2 input2) => throw new NotImplementedException();
            }

            public abstract class Module<T1, T2, T3, TResult> : HookableModule<Func<Module<T1, T2, T3, TResult>, T1, T2, T3, (T1, T2, T3)?>, Func<Module<T1, T2, T3, TResult>, T1, T2, T3, TResult, TResult>>, IModule<T1, T2, T3, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T1 input1, T2 input2, T3 input3);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T1 input1, T2 input2, T3 input3) => throw new NotImplementedException();
            }

            public abstract class Module<T1, T2, T3, T4, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, (T1, T2, T3, T4)?>, Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, TResult, TResult>>, IModule<T1, T2, T3, T4, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T1 input1, T2 input2, T3 input3, T4 input4) => throw new NotImplementedException();
            }

            public abstract class Module<T1, T2, T3, T4, T5, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, T5, TResult>, T1, T2, T3, T4, T5, (T1, T2, T3, T4, T5)?>, Func<Module<T1, T2, T3, T4, T5, TResult>, T1, T2, T3, T4, T5, TResult, TResult>>, IModule<T1, T2, T3, T4, T5, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5) => throw new NotImplementedException();
            }

            public abstract class Module<T1, T2, T3, T4, T5, T6, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, T5, T6, TResult>, T1, T2, T3, T4, T5, T6, (T1, T2, T3, T4, T5, T6)?>, Func<Module<T1, T2, T3, T4, T5, T6, TResult>, T1, T2, T3, T4, T5, T6, TResult, TResult>>, IModule<T1, T2, T3, T4, T5, T6, TResult>
            {
                protected Module(string name) : base(name) => throw new NotImplementedException();
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

                /// <summary>
                /// Invoke the logic of the module (without hooks).
                /// </summary>
                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6);

                /// <summary>
                /// Invoke the logic of the module (runs hooks, then forward).
                /// </summary>
                public TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6) => throw new NotImplementedException();
            }

        }
    }

    public static class ModuleExtensionMethods
    {
        public static T to<T>(this T module, torch.ScalarType type, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T to<T>(this T module, torch.Device device, torch.ScalarType type, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T to<T>(this T module, DeviceType deviceType, int deviceIndex = -1, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T to<T>(this T module, Device device, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T to<T>(this T module, string device, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T to<T>(this T module, Tensor other, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T cpu<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T cuda<T>(this T module, int deviceIndex = -1, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @bool<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @byte<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @char<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @short<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @int<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @long<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T half<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T bfloat16<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @float<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T @double<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T cfloat<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
        public static T cdouble<T>(this T module, bool non_blocking = false) where T : torch.nn.Module => throw new NotImplementedException();
    }

    public static class FieldInfoExtensionMethods
    {
        /// <summary>
        /// The ComponentNameAttribute name of a field, or the field's own name.
        /// </summary>
        public static string ComponentName(this FieldInfo field) => throw new NotImplementedException();
    }
}
