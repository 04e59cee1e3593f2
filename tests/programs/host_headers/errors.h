// errors.h — host-only C++ of the kind sample helper headers carry: a
// class template deriving from a standard exception, its members defined
// out of class, an explicit specialization, and helpers that exist only
// when the CUDA headers' guard macros are defined.  None of it is device
// code; the device pass must skip it, as nvcc's does.
#ifndef HOST_HEADERS_ERRORS_H
#define HOST_HEADERS_ERRORS_H
#include <sstream>
#include <stdexcept>
#include <string>

template <class Base>
class Located : public Base {
 public:
  static void raise(const char *file, int line, const std::string &what);
  virtual ~Located() throw();

 private:
  explicit Located(const std::string &s);
};

template <class Base>
void Located<Base>::raise(const char *file, int line, const std::string &what) {
  std::stringstream s;
  s << file << ":" << line << ": " << what;
  throw Located(s.str());
}

template <class Base>
Located<Base>::Located(const std::string &s) : Base(s) {}

template <class Base>
Located<Base>::~Located() throw() {}

template <class T>
struct TypeName { static const char *get() { return "?"; } };
template <>
struct TypeName<float> { static const char *get() { return "float"; } };

// helper_cuda.h's pattern: the check exists only under NVIDIA's guards
#ifdef __DRIVER_TYPES_H__
#ifdef __CUDA_RUNTIME_H__
template <typename T>
void check_result(T result, const char *func, const char *file, int line) {
  if (result) Located<std::runtime_error>::raise(file, line, std::string(func) + " failed");
}
#define checkErrors(val) check_result((val), #val, __FILE__, __LINE__)
#endif
#endif

#endif
