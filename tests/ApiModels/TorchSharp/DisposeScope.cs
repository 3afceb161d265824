// Model of src/TorchSharp/DisposeScope.cs (subset of the public surface).
using System;
using System.Collections.Generic;

#nullable enable
namespace TorchSharp
{
    /// <summary>
    /// Keeps track of all disposables that are in the current scope.
    /// </summary>
    public sealed class DisposeScope : IDisposable
    {
        internal DisposeScope() => throw new NotImplementedException();

        public IReadOnlyList<IDisposable> DisposablesView => throw new NotImplementedException();
        public int DisposablesCount => throw new NotImplementedException();

        public T MoveToOuter<T>(T disposable) where T : IDisposable => throw new NotImplementedException();
        public (T1 first, T2 second) MoveToOuter<T1, T2>(T1 first, T2 second)
            where T1 : IDisposable where T2 : IDisposable => throw new NotImplementedException();
        public (T1 first, T2 second, T3 third) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third)
            where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable => throw new NotImplementedException();
        public void MoveToOuter(params IDisposable[] disposables) => throw new NotImplementedException();
        public void MoveToOuter(IEnumerable<IDisposable> disposables) => throw new NotImplementedException();

        public T MoveToOther<T>(DisposeScope? scope, T disposable) where T : IDisposable => throw new NotImplementedException();
        public void MoveToOther(DisposeScope? scope, params IDisposable[] disposables) => throw new NotImplementedException();
        public void MoveToOther(DisposeScope? scope, IEnumerable<IDisposable> disposables) => throw new NotImplementedException();

        public T Detach<T>(T disposable) where T : IDisposable => throw new NotImplementedException();
        public (T1 first, T2 second) Detach<T1, T2>(T1 first, T2 second)
            where T1 : IDisposable where T2 : IDisposable => throw new NotImplementedException();
        public (T1 first, T2 second, T3 third) Detach<T1, T2, T3>(T1 first, T2 second, T3 third)
            where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable => throw new NotImplementedException();
        public void Detach(params IDisposable[] disposables) => throw new NotImplementedException();
        public void Detach(IEnumerable<IDisposable> disposables) => throw new NotImplementedException();

        public void Attach(IDisposable disposable) => throw new NotImplementedException();
        public void Attach(params IDisposable[] disposables) => throw new NotImplementedException();
        public IReadOnlyList<IDisposable> Attach(IEnumerable<IDisposable> disposables) => throw new NotImplementedException();

        public void DisposeEverything() => throw new NotImplementedException();
        public void DisposeEverythingBut(IEnumerable<IDisposable> inKeep) => throw new NotImplementedException();
        public void DisposeEverythingBut(params IDisposable[] keep) => throw new NotImplementedException();
        public T DisposeEverythingBut<T>(T keep) where T : IDisposable => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
