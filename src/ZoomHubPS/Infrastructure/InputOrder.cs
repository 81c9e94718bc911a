using System.Collections.Generic;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Releases results in the order of their inputs while they arrive in another order (an engine that reports the
    /// people it decides without a request first, then each batch as it finishes): a result waits only for the results
    /// of earlier inputs, so output still streams batch by batch.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    internal sealed class InputOrder<T>
    {
        private readonly List<int> _order;
        private readonly Dictionary<int, T> _waiting = new Dictionary<int, T>();
        private int _next;

        /// <param name="positions">The input positions this queue covers, in input order.</param>
        public InputOrder(IEnumerable<int> positions) => _order = new List<int>(positions);

        /// <summary>Results that arrived but wait for an earlier one.</summary>
        public int Waiting => _waiting.Count;

        /// <summary>Takes the result of input <paramref name="position"/>; returns every result now due, in input order.</summary>
        public IReadOnlyList<T> Add(int position, T result)
        {
            _waiting[position] = result;
            var due = new List<T>();
            while (_next < _order.Count && _waiting.TryGetValue(_order[_next], out T ready))
            {
                _waiting.Remove(_order[_next]);
                due.Add(ready);
                _next++;
            }

            return due;
        }

        /// <summary>Every result still waiting (inputs before them never got one), in input order.</summary>
        public IReadOnlyList<T> Flush()
        {
            var rest = new List<T>();
            for (; _next < _order.Count; _next++)
            {
                if (_waiting.TryGetValue(_order[_next], out T r)) rest.Add(r);
            }

            _waiting.Clear();
            return rest;
        }
    }
}
