// The JSON API under /api/v1 and the web app's static files: the handler given to http::Server.
// Handlers are thin: they parse the request, call the service layer, and shape the response.
// Threads: Handle() is called concurrently from every io thread; Api holds no per-request state.
#pragma once

#include <string>

#include "http/auth.hpp"
#include "service/sign_in.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "engine/engine.hpp"
#include "service/csv_import.hpp"
#include "service/entities.hpp"
#include "service/documents.hpp"
#include "service/figures.hpp"
#include "service/inbox.hpp"
#include "service/strategy_settings.hpp"
#include "service/webhooks.hpp"
#include "store/store.hpp"

namespace brm::http {

struct ApiConfig {
  std::string web_dir;          // directory of the built web app (index.html); empty serves nothing
  SignInConfig auth;            // sign-in settings
  size_t default_page = 50;     // list page size when `limit` is absent
  size_t max_page = 1000;       // largest `limit` accepted
  bool trust_proxy = false;     // take the client address from X-Forwarded-For (behind a reverse proxy)
  PasswordRules passwords;      // what a password users choose must be (loaded by the command line)
  DocumentConfig documents;     // where documents' files are kept, and the upload limit
  int webhook_retry_seconds = 10;  // the first retry of a failed webhook delivery (then × 6, 30, 180)
  bool webhooks = true;         // run the webhook dispatcher (off for servers that send nothing)
};

class Api {
 public:
  // `engine` holds the figures; every write through the Api keeps it current.
  Api(Store& store, engine::Engine& engine, ApiConfig config);
  Response Handle(Request& request);
  // The StreamRoute of http::Server: document uploads are streamed to disk (handlers/document_handlers.cpp).
  std::optional<StreamStart> UploadStart(Request& request);

 private:
  Response Route(Request& request);
  Response Static(const Request& request) const;

  // handlers/auth_handlers.cpp
  Response LoginHandler(const Request& request);
  Response LogoutHandler(const Caller& caller);
  Response MeHandler(const Caller& caller);
  Response TokensHandler(const Request& request, const Caller& caller);
  Response SessionsHandler(const Request& request, const Caller& caller);
  Response PasswordHandler(const Request& request, const Caller& caller);
  Response LanguageHandler(const Request& request, const Caller& caller);

  // handlers/entity_handlers.cpp
  Response CollectionHandler(const Request& request, const Caller& caller, Kind kind);
  Response ItemHandler(const Request& request, const Caller& caller, Kind kind, const std::string& id);
  Response ItemActionHandler(const Request& request, const Caller& caller, Kind kind, const std::string& id,
                             const std::string& action);

  // handlers/document_handlers.cpp
  Response DocumentFileHandler(const Caller& caller, const std::string& id);

  // handlers/bundle_handlers.cpp
  Response BundleHandler(const Request& request, const Caller& caller);

  // handlers/csv_handlers.cpp: /csv/{kind}, /csv/presets, /csv/template
  Response CsvHandler(const Request& request, const Caller& caller);

  // handlers/strategy_handlers.cpp
  Response StrategyHandler(const Request& request, const Caller& caller);
  Response StrategyOverrideHandler(const Request& request, const Caller& caller, const std::string& customer);

  // handlers/inbox_handlers.cpp: GET /inbox, POST /inbox/read
  Response InboxHandler(const Request& request, const Caller& caller);

  // handlers/figure_handlers.cpp: the figures of SPEC.md §11 (nullopt: not a figure endpoint)
  std::optional<Response> FigureHandler(const Request& request, const Caller& caller);

  engine::Engine& engine_;
  ApiConfig config_;
  SignIn sign_in_;
  EntityService entities_;
  FiguresService figures_;
  DocumentService documents_;
  StrategySettings strategies_;
  InboxService inbox_;
  WebhookService webhooks_;
  CsvImportService csv_;
};

}  // namespace brm::http
