// The simulation of a loaded circuit: lower, fuse, then either sample every shot from the final state in
// one pass (when every measurement is terminal) or run one trajectory per shot from a state shared
// up to the first measurement, reset or condition. Sizes are checked before any allocation.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>
#include <string>

#include "sim/simulate.hpp"

#include "circuit/bind.hpp"
#include "sim/blocks.hpp"
#include "sim/engine.hpp"
#include "sim/executor.hpp"
#include "sim/fused_kernel.hpp"
#include "sim/ops.hpp"
#include "sim/pool.hpp"
#include "sim/random.hpp"

namespace qvet::sim {

namespace {

// Below this many qubits a state fits in cache and a thread pool costs more than it gives.
constexpr unsigned kThreadsFromQubits = 16;

std::string bits_of_index(uint64_t index, unsigned n) {
  std::string s(n, '0');
  for (unsigned q = 0; q < n; ++q)
    if ((index >> q) & 1) s[n - 1 - q] = '1';
  return s;
}

// Qiskit's counts key: registers from last declared to first, separated by spaces, each with its
// highest bit first (so clbit 0 is the rightmost character).
std::string clbit_key(const Circuit& c, const std::vector<uint8_t>& clbits) {
  std::string key;
  for (size_t r = c.cregs.size(); r-- > 0;) {
    const Register& reg = c.cregs[r];
    if (!key.empty()) key += ' ';
    for (uint32_t i = reg.size; i-- > 0;) key += clbits[reg.offset + i] ? '1' : '0';
  }
  return key;
}

// Pauli string expectation <psi|P|psi>; P's rightmost letter acts on qubit 0 (Qiskit's order).
template <class T>
bool expectation(const std::string& pauli, const std::complex<T>* psi, unsigned n, double* out) {
  if (pauli.size() != n) return false;
  uint64_t xmask = 0, zmask = 0;
  int ny = 0;
  for (unsigned k = 0; k < n; ++k) {
    const char ch = pauli[n - 1 - k];
    const uint64_t bit = uint64_t{1} << k;
    if (ch == 'X')
      xmask |= bit;
    else if (ch == 'Z')
      zmask |= bit;
    else if (ch == 'Y') {
      xmask |= bit;
      zmask |= bit;
      ++ny;
    } else if (ch != 'I')
      return false;
  }
  // P|i> = i^ny (-1)^popcount(i & zmask) |i ^ xmask>, with Y = iXZ.
  double re = 0, im = 0;
  const uint64_t size = uint64_t{1} << n;
  for (uint64_t i = 0; i < size; ++i) {
    const cd t = std::conj(cd(psi[i ^ xmask])) * cd(psi[i]);
    const double sign = (__builtin_popcountll(i & zmask) & 1) ? -1.0 : 1.0;
    re += sign * t.real();
    im += sign * t.imag();
  }
  cd v(re, im);
  static const cd kIpow[4] = {cd(1, 0), cd(0, 1), cd(-1, 0), cd(0, -1)};
  v *= kIpow[ny % 4];
  *out = v.real();
  return true;
}

// Tells SimOptions::progress the share of the run done, in steps of at least 1% (at most about a
// hundred calls a run, whatever the circuit). Work is counted in ops applied to the whole state,
// which cost about the same each: the sampled program's ops, or the shared prefix's and then
// every shot's remaining ones.
class Progress {
 public:
  explicit Progress(const std::function<void(double)>& hook) : hook_(hook) {}
  Progress(const Progress&) = delete;  // applied_ holds `this`
  Progress& operator=(const Progress&) = delete;
  void start(double total) { total_ = total > 0 ? total : 1; }
  void add(double units) {
    if (!hook_) return;
    done_ += units;
    const int percent = static_cast<int>(100 * done_ / total_);
    if (percent > told_ && percent < 100) {
      told_ = percent;
      hook_(done_ / total_);
    }
  }
  void finish() {
    if (hook_) hook_(1.0);
  }
  // For Executor::apply_blocked.
  const std::function<void(size_t)>* applied() const { return hook_ ? &applied_ : nullptr; }

 private:
  const std::function<void(double)>& hook_;
  double total_ = 1, done_ = 0;
  int told_ = 0;
  std::function<void(size_t)> applied_ = [this](size_t ops) { add(static_cast<double>(ops)); };
};

class Runner {
 public:
  Runner(const Circuit& c, const SourceMap& map, const SimOptions& opt, Simulation& out)
      : c_(c), map_(map), opt_(opt), out_(out), n_(c.num_qubits), progress_(opt.progress) {}

  void run();
  // Puts the values of the circuit's Parameters into its gate parameters; false with E509.
  bool bind(Circuit& c);

 private:
  bool fail(const char* code, std::string message, uint32_t instruction) {
    out_.ok = false;
    out_.error = {Severity::Error, code, std::move(message), {}};
    if (instruction < c_.ops.size())
      out_.error.span = map_.span(c_.ops[instruction].src_offset, c_.ops[instruction].src_length);
    return false;
  }
  bool check_sizes(bool trajectories, size_t ops_after_prefix);
  // The fused program on a state of amplitudes std::complex<T>: sampled, or one trajectory a shot.
  template <class T>
  void run_state(const Program& lowered, bool sampling, const ConditionChecker& conditions);
  // Applies ops [begin, end) of `p`: runs of gates through the blocked kernels, each Prepare by
  // itself (it fails where its qubits are not all 0).
  template <class T>
  bool apply_ops(const Executor<T>& ex, const Program& p, size_t begin, size_t end, std::complex<T>* psi);
  template <class T>
  bool prepare(const Executor<T>& ex, const Op& op, std::complex<T>* psi);
  template <class T>
  void sample(const std::complex<T>* psi, const std::vector<std::pair<unsigned, uint32_t>>& measured);
  template <class T>
  bool trajectories(const Executor<T>& ex, std::vector<std::complex<T>>& prefix, size_t first,
                    const ConditionChecker& conditions);
  template <class T>
  void probabilities(const std::complex<T>* psi);
  size_t amplitude_bytes() const { return opt_.precision == Precision::Single ? 8 : 16; }

  const Circuit& c_;
  const SourceMap& map_;
  const SimOptions& opt_;
  Simulation& out_;
  unsigned n_;
  Program prog_;
  Progress progress_;
};

template <class T>
bool Runner::prepare(const Executor<T>& ex, const Op& op, std::complex<T>* psi) {
  if (ex.prepare(op, psi)) return true;
  return fail("E501",
              "a StatePreparation prepares its state from |0...0>, but here its qubits are not all 0 (what it does "
              "then depends on the circuit Qiskit synthesises for it); use initialize, which resets them first",
              op.src);
}

template <class T>
bool Runner::apply_ops(const Executor<T>& ex, const Program& p, size_t begin, size_t end, std::complex<T>* psi) {
  size_t from = begin;
  for (size_t i = begin; i < end; ++i) {
    if (p.ops[i].kind != Op::Prepare) continue;
    ex.apply_blocked(from, i, psi, progress_.applied());
    if (!prepare(ex, p.ops[i], psi)) return false;
    progress_.add(1);
    from = i + 1;
  }
  ex.apply_blocked(from, end, psi, progress_.applied());
  return true;
}

bool Runner::check_sizes(bool trajectories, size_t ops_after_prefix) {
  if (n_ > opt_.max_qubits || n_ > 40)
    return fail("E502",
                "the circuit has " + std::to_string(n_) + " qubits; simulation is capped at " +
                    std::to_string(opt_.max_qubits) + " (a state of " + std::to_string(n_) + " qubits needs 2^" +
                    std::to_string(n_) + " amplitudes of " + std::to_string(amplitude_bytes()) + " bytes)",
                UINT32_MAX);
  const uint64_t amps = uint64_t{1} << n_;
  const uint64_t bytes = amps * amplitude_bytes() * (trajectories ? 2 : 1);
  if (bytes > opt_.max_memory_bytes)
    return fail("E503",
                "simulating " + std::to_string(n_) + " qubits needs " + std::to_string(bytes >> 20) +
                    " MiB; the memory budget is " + std::to_string(opt_.max_memory_bytes >> 20) + " MiB",
                UINT32_MAX);
  if (opt_.shots > opt_.max_shots)
    return fail("E504", std::to_string(opt_.shots) + " shots requested; the limit is " + std::to_string(opt_.max_shots),
                UINT32_MAX);
  if (trajectories) {
    const double work = static_cast<double>(opt_.shots) * static_cast<double>(amps) *
                        static_cast<double>(std::max<size_t>(ops_after_prefix, 1));
    if (work > static_cast<double>(opt_.max_trajectory_work))
      return fail("E505",
                  "mid-circuit measurement needs one trajectory per shot: " + std::to_string(opt_.shots) +
                      " shots x 2^" + std::to_string(n_) + " amplitudes x " + std::to_string(ops_after_prefix) +
                      " operations is over the work limit; use fewer shots",
                  UINT32_MAX);
  }
  return true;
}

void Runner::run() {
  out_.qubits = n_;
  out_.shots = opt_.shots;
  out_.seed = opt_.seed;
  for (const std::string& p : opt_.paulis)
    if (p.size() != n_ || p.find_first_not_of("IXYZ") != std::string::npos) {
      fail("E506",
           "Pauli string '" + p + "' must have one letter of I, X, Y, Z per qubit (" + std::to_string(n_) +
               "), qubit 0 rightmost",
           UINT32_MAX);
      return;
    }
  if (n_ > opt_.max_qubits || n_ > 40) {  // before lowering: nothing sized by 2^n yet
    check_sizes(false, 0);
    return;
  }
  Program lowered;
  LowerError err = lower(c_, lowered);
  if (!err.message.empty()) {
    fail("E501", err.message, err.instruction);
    return;
  }
  ConditionChecker conditions(c_);
  if (conditions.too_large()) {
    fail("E507",
         "an 'if' value has more than " + std::to_string(ConditionChecker::kMaxConditionDigits) +
             " digits; simulation does not compare values that large",
         UINT32_MAX);
    return;
  }

  // Terminal measurements: no later operation touches the qubit, nothing is conditioned and
  // nothing is reset. Then measurements commute to the end and every shot comes from one state.
  bool sampling = true;
  {
    std::vector<uint8_t> measured(n_, 0);
    for (const Op& op : lowered.ops) {
      if (op.condition >= 0 || op.kind == Op::Reset) {
        sampling = false;
        break;
      }
      if (op.kind == Op::Measure) {
        measured[op.q0] = 1;
        continue;
      }
      const uint64_t mask = qubit_mask(op);
      bool clash = false;
      for (unsigned q = 0; q < n_; ++q) clash |= ((mask >> q) & 1) && measured[q];
      if (clash) {
        sampling = false;
        break;
      }
    }
  }
  size_t first = 0;  // first op that needs a trajectory
  if (!sampling)
    while (first < lowered.ops.size() && lowered.ops[first].condition < 0 && lowered.ops[first].kind != Op::Measure &&
           lowered.ops[first].kind != Op::Reset)
      ++first;
  if (!check_sizes(!sampling, sampling ? 0 : lowered.ops.size() - first)) return;

  if (opt_.precision == Precision::Single)
    run_state<float>(lowered, sampling, conditions);
  else
    run_state<double>(lowered, sampling, conditions);
}

template <class T>
void Runner::run_state(const Program& lowered, bool sampling, const ConditionChecker& conditions) {
  prog_ = fuse_blocks(lowered, n_, kMaxFusedQubits);
  Pool pool(n_ >= kThreadsFromQubits ? opt_.threads : 1);
  out_.threads = pool.threads();
  out_.method = sampling ? "sampling" : "trajectories";
  out_.precision = opt_.precision == Precision::Single ? "single" : "double";

  if (sampling) {
    std::vector<std::pair<unsigned, uint32_t>> measured;  // (qubit, clbit) in program order
    Program gates;
    gates.mats = prog_.mats;
    gates.qubits = prog_.qubits;
    for (const Op& op : prog_.ops) {
      if (op.kind == Op::Measure)
        measured.push_back({op.q0, static_cast<uint32_t>(op.clbit)});
      else
        gates.ops.push_back(op);
    }
    const Executor<T> ex(gates, n_, &pool);
    progress_.start(static_cast<double>(gates.ops.size()));
    std::vector<std::complex<T>> state(size_t{1} << n_);
    state[0] = 1;
    std::complex<T>* psi = state.data();
    if (!apply_ops(ex, gates, 0, gates.ops.size(), psi)) return;
    probabilities(psi);
    for (const std::string& p : opt_.paulis) {
      double v = 0;
      expectation(p, psi, n_, &v);
      out_.expectation_values.push_back({p, v});
    }
    if (opt_.statevector) {
      if (n_ > opt_.max_statevector_qubits) {
        fail("E508",
             "the statevector of " + std::to_string(n_) + " qubits is too large for the report (limit " +
                 std::to_string(opt_.max_statevector_qubits) + " qubits)",
             UINT32_MAX);
        return;
      }
      out_.statevector.assign(psi, psi + (uint64_t{1} << n_));
    }
    sample(psi, measured);
  } else {
    // The state shared by every shot: the fused program up to the first measurement, reset or
    // condition.
    const Executor<T> ex(prog_, n_, &pool);
    std::vector<std::complex<T>> state(size_t{1} << n_);
    state[0] = 1;
    size_t f = 0;
    while (f < prog_.ops.size() && prog_.ops[f].condition < 0 && prog_.ops[f].kind != Op::Measure &&
           prog_.ops[f].kind != Op::Reset)
      ++f;
    progress_.start(static_cast<double>(f) +
                    static_cast<double>(opt_.shots) * static_cast<double>(prog_.ops.size() - f));
    if (!apply_ops(ex, prog_, 0, f, state.data())) return;
    if (!trajectories(ex, state, f, conditions)) return;
  }
  progress_.finish();
  out_.ok = true;
}

template <class T>
void Runner::probabilities(const std::complex<T>* psi) {
  const uint64_t size = uint64_t{1} << n_;
  out_.has_probabilities = true;
  if (n_ <= opt_.all_probabilities_up_to) {
    for (uint64_t i = 0; i < size; ++i) out_.probabilities.push_back({bits_of_index(i, n_), norm2(psi[i])});
    return;
  }
  // The k largest, with a min-heap: O(2^n log k) time and O(k) memory.
  using Item = std::pair<double, uint64_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  for (uint64_t i = 0; i < size; ++i) {
    const double p = norm2(psi[i]);
    if (heap.size() < opt_.top_k)
      heap.push({p, i});
    else if (p > heap.top().first) {
      heap.pop();
      heap.push({p, i});
    }
  }
  std::vector<Item> top;
  while (!heap.empty()) {
    top.push_back(heap.top());
    heap.pop();
  }
  std::sort(top.begin(), top.end(), [](const Item& a, const Item& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (const Item& it : top) out_.probabilities.push_back({bits_of_index(it.second, n_), it.first});
  out_.probabilities_truncated = true;
}

// All shots from one distribution in one pass: sorted uniforms against the running sum of |amp|^2.
template <class T>
void Runner::sample(const std::complex<T>* psi, const std::vector<std::pair<unsigned, uint32_t>>& measured) {
  Random rng(opt_.seed);
  std::vector<double> u(static_cast<size_t>(opt_.shots));
  for (double& x : u) x = rng.uniform();
  std::sort(u.begin(), u.end());
  std::map<uint64_t, uint64_t> by_index;
  const uint64_t size = uint64_t{1} << n_;
  double acc = 0;
  uint64_t i = 0, last_nonzero = 0;
  for (double x : u) {
    while (i < size) {
      const double p = norm2(psi[i]);
      if (p > 0) last_nonzero = i;
      if (x < acc + p) break;
      acc += p;
      ++i;
    }
    ++by_index[i < size ? i : last_nonzero];  // rounding may leave the total just under 1
  }
  out_.measured_all = measured.empty();
  std::map<std::string, uint64_t> counts;
  std::vector<uint8_t> clbits(c_.num_clbits, 0);
  for (const auto& [index, count] : by_index) {
    std::string key;
    if (measured.empty()) {
      key = bits_of_index(index, n_);
    } else {
      std::fill(clbits.begin(), clbits.end(), 0);
      for (const auto& [q, cl] : measured) clbits[cl] = static_cast<uint8_t>((index >> q) & 1);
      key = clbit_key(c_, clbits);
    }
    counts[key] += count;
  }
  out_.counts.assign(counts.begin(), counts.end());
}

template <class T>
bool Runner::trajectories(const Executor<T>& ex, std::vector<std::complex<T>>& prefix, size_t first,
                          const ConditionChecker& conditions) {
  Random rng(opt_.seed);
  std::vector<std::complex<T>> work(prefix.size());
  std::vector<uint8_t> clbits(c_.num_clbits, 0);
  std::map<std::string, uint64_t> counts;
  // Without a measurement, every qubit is read out at the end, as in the sampling path.
  const bool read_all =
      std::none_of(prog_.ops.begin(), prog_.ops.end(), [](const Op& op) { return op.kind == Op::Measure; });
  out_.measured_all = read_all;
  for (uint64_t shot = 0; shot < opt_.shots; ++shot) {
    work = prefix;
    std::complex<T>* psi = work.data();
    std::fill(clbits.begin(), clbits.end(), 0);
    for (size_t k = first; k < prog_.ops.size(); ++k) {
      const Op& op = prog_.ops[k];
      if (op.condition >= 0 && !conditions.holds(op.condition, clbits)) continue;
      if (op.kind == Op::Measure || op.kind == Op::Reset) {
        const double p1 = std::min(1.0, std::max(0.0, ex.probability_one(psi, op.q0)));
        const int bit = rng.uniform() < p1 ? 1 : 0;
        ex.collapse(psi, op.q0, bit, bit ? p1 : 1 - p1);
        if (op.kind == Op::Measure)
          clbits[op.clbit] = static_cast<uint8_t>(bit);
        else if (bit)
          ex.flip(psi, op.q0);
        continue;
      }
      if (op.kind == Op::Prepare) {
        if (!prepare(ex, op, psi)) return false;
        continue;
      }
      ex.apply(op, psi);
    }
    progress_.add(static_cast<double>(prog_.ops.size() - first));
    if (read_all) {
      const double x = rng.uniform();
      double acc = 0;
      uint64_t index = 0, last_nonzero = 0;
      for (; index < (uint64_t{1} << n_); ++index) {
        const double p = norm2(psi[index]);
        if (p > 0) last_nonzero = index;
        if (x < acc + p) break;
        acc += p;
      }
      ++counts[bits_of_index(index < (uint64_t{1} << n_) ? index : last_nonzero, n_)];
      continue;
    }
    ++counts[clbit_key(c_, clbits)];
  }
  out_.counts.assign(counts.begin(), counts.end());
  return true;
}

bool Runner::bind(Circuit& c) {
  std::string message;
  if (!bind_parameters(c, opt_.parameters, &message)) return fail("E509", message, UINT32_MAX);
  return true;
}

}  // namespace

void run(Circuit& c, const SourceMap& map, const SimOptions& opt, Simulation& out) {
  Runner runner(c, map, opt, out);
  if (runner.bind(c)) runner.run();
}

}  // namespace qvet::sim
