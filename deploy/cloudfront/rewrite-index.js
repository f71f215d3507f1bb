// CloudFront Function (viewer request) for an S3 REST origin: serve /reports/norway and
// /reports/norway/ from reports/norway/index.html, without a redirect.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
