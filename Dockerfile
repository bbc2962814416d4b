# The zeren app image for docker-compose.yml: the package, its sample corpus and the Streamlit app.
FROM python:3.11-slim
WORKDIR /zeren
COPY pyproject.toml README.md ./
COPY loaders loaders
COPY graph graph
COPY queries queries
COPY cli cli
COPY app.py ui.py ./
COPY pages pages
COPY .streamlit .streamlit
COPY tests/fixtures/corpus tests/fixtures/corpus
RUN pip install --no-cache-dir .
EXPOSE 8501
CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
